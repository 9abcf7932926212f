// SQL (PostgreSQL): tokens (hashes only). A revocation or rotation is announced to the other
// replicas on the events' NOTIFY channel (R35), delivered at its commit.
import type { TokenRow } from '../../common/tokens';
import { statement } from './statement';

const columns = 'id, hash, kind, org, service, created_at, expires_at, previous_hash, previous_until, rotated_at';

export const tokenSql = {
  insertToken: statement<
    [
      id: string,
      hash: string,
      kind: string,
      org: string | null,
      service: string | null,
      createdAt: string,
      expiresAt: string | null,
    ]
  >(`INSERT INTO tokens (id, hash, kind, org, service, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`),
  /** By the current secret's hash or by the one a rotation replaced. */
  tokenByHash: statement<[hash: string], TokenRow>(
    `SELECT ${columns} FROM tokens WHERE hash = $1 OR previous_hash = $1`,
  ),
  tokenById: statement<[id: string], TokenRow>(`SELECT ${columns} FROM tokens WHERE id = $1`),
  /** The row locked: two rotations of one token at once apply one after the other. */
  tokenByIdForUpdate: statement<[id: string], TokenRow>(`SELECT ${columns} FROM tokens WHERE id = $1 FOR UPDATE`),
  rotateToken: statement<
    [
      id: string,
      hash: string,
      expiresAt: string | null,
      previousHash: string | null,
      previousUntil: string | null,
      rotatedAt: string,
    ]
  >(
    `UPDATE tokens SET hash = $2, expires_at = $3, previous_hash = $4, previous_until = $5, rotated_at = $6 WHERE id = $1`,
  ),
  deleteToken: statement<[id: string]>(`DELETE FROM tokens WHERE id = $1`),
  listTokens: statement<[], TokenRow>(`SELECT ${columns} FROM tokens ORDER BY created_at, id`),
  notifyTokens: statement<[channel: string, payload: string]>(`SELECT pg_notify($1, $2)`),
};
