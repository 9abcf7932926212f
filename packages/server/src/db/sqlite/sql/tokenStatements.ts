// SQL (SQLite) of the token catalogue (R35): hashes only.
import type { TokenCatalogue } from '../../port/tokenCatalogue';
import type { SqliteSql } from './dialect';

const columns = 'id, hash, kind, org, service, created_at, expires_at, previous_hash, previous_until, rotated_at';
const tokenById = `SELECT ${columns} FROM tokens WHERE id = ?`;

export const tokenStatements: { [N in keyof TokenCatalogue]: SqliteSql } = {
  insertToken: `INSERT INTO tokens (id, hash, kind, org, service, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  tokenByHash: `SELECT ${columns} FROM tokens WHERE hash = $1 OR previous_hash = $1`,
  tokenById,
  lockToken: tokenById,
  rotateToken: `UPDATE tokens SET hash = $2, expires_at = $3, previous_hash = $4, previous_until = $5, rotated_at = $6 WHERE id = $1`,
  deleteToken: `DELETE FROM tokens WHERE id = ?`,
  listTokens: `SELECT ${columns} FROM tokens ORDER BY created_at, id`,
};
