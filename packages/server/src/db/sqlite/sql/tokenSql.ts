// SQL (SQLite): tokens (hashes only) and the log of token changes other processes on the same
// file poll (R35: a revocation or rotation reaches them within a poll).
import type { Database } from 'better-sqlite3';
import type { TokenRow } from '../../common/tokens';
import { prepare } from './prepare';

export type { TokenRow } from '../../common/tokens';

const columns = 'id, hash, kind, org, service, created_at, expires_at, previous_hash, previous_until, rotated_at';

export function tokenSql(db: Database) {
  return {
    insertToken: prepare<[TokenRow]>(
      db,
      `INSERT INTO tokens (${columns}) VALUES (@id, @hash, @kind, @org, @service, @created_at, @expires_at, @previous_hash, @previous_until, @rotated_at)`,
    ),
    /** By the current secret's hash or by the one a rotation replaced. */
    tokenByHash: prepare<[hash: string, previous: string], TokenRow>(
      db,
      `SELECT ${columns} FROM tokens WHERE hash = ? OR previous_hash = ?`,
    ),
    tokenById: prepare<[id: string], TokenRow>(db, `SELECT ${columns} FROM tokens WHERE id = ?`),
    rotateToken: prepare<[TokenRow]>(
      db,
      `UPDATE tokens SET hash = @hash, expires_at = @expires_at, previous_hash = @previous_hash,
       previous_until = @previous_until, rotated_at = @rotated_at WHERE id = @id`,
    ),
    deleteToken: prepare<[id: string]>(db, `DELETE FROM tokens WHERE id = ?`),
    listTokens: prepare<[], TokenRow>(db, `SELECT ${columns} FROM tokens ORDER BY created_at, id`),
    insertTokenChange: prepare<[token: string, what: string, at: string]>(
      db,
      `INSERT INTO token_changes (token, what, at) VALUES (?, ?, ?)`,
    ),
    /** A day of changes is kept: far longer than any process polls late. */
    pruneTokenChanges: prepare<[before: string]>(db, `DELETE FROM token_changes WHERE at < ?`),
    latestTokenChange: prepare<[], { seq: number }>(db, `SELECT COALESCE(MAX(seq), 0) AS seq FROM token_changes`),
    tokenChangesAfter: prepare<[after: number], { token: string }>(
      db,
      `SELECT DISTINCT token FROM token_changes WHERE seq > ?`,
    ),
  };
}
