// SQL (PostgreSQL) of the token catalogue (R35): hashes only; a rotation locks the row.
import type { TokenCatalogue } from '../../port/tokenCatalogue';
import type { PostgresSql } from './dialect';

const columns = 'id, hash, kind, org, service, created_at, expires_at, previous_hash, previous_until, rotated_at';

export const tokenStatements: { [N in keyof TokenCatalogue]: PostgresSql } = {
  insertToken: `INSERT INTO tokens (id, hash, kind, org, service, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
  tokenByHash: `SELECT ${columns} FROM tokens WHERE hash = $1 OR previous_hash = $1`,
  tokenById: `SELECT ${columns} FROM tokens WHERE id = $1`,
  lockToken: `SELECT ${columns} FROM tokens WHERE id = $1 FOR UPDATE`,
  rotateToken: `UPDATE tokens SET hash = $2, expires_at = $3, previous_hash = $4, previous_until = $5, rotated_at = $6 WHERE id = $1`,
  deleteToken: `DELETE FROM tokens WHERE id = $1`,
  listTokens: `SELECT ${columns} FROM tokens ORDER BY created_at, id`,
};
