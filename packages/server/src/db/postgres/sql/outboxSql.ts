// SQL (PostgreSQL): the outbox between an accepted reply and the transport (R16). A claim locks
// the due rows it takes with SKIP LOCKED, so replicas claiming at once never take the same item,
// and leases them; a lease that expired (its replica died) makes the item due again.
import type { DueRow } from '../../sqlite/sql';
import { statement } from './statement';

export const outboxSql = {
  insertOutbox: statement<[message: string, pos: number, dueAt: string, updatedAt: string]>(
    `INSERT INTO outbox (message, pos, state, due_at, attempts, updated_at) VALUES ($1, $2, 'pending', $3, 0, $4)`,
  ),
  /** Due, and unclaimed or with an expired lease, oldest first; `attempts` is the count before this claim. */
  claimDue: statement<[now: string, limit: number, worker: string, until: string], DueRow & { pos: number }>(
    `WITH due AS (
       SELECT message FROM outbox
       WHERE state = 'pending' AND due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
       ORDER BY pos LIMIT $2
       FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox o SET lease_worker = $3, lease_until = $4, attempts = o.attempts + 1, updated_at = $1
     FROM due
     JOIN messages m ON m.id = due.message
     JOIN channels c ON c.id = m.channel
     JOIN conversations cv ON cv.id = m.conversation
     WHERE o.message = due.message
     RETURNING o.message AS id, m.org, c.number, cv.customer, m.service, m.type, m.text, m.raw, o.attempts - 1 AS attempts, m.at, o.pos`,
  ),
  /** The item, locked until commit: complete and fail decide on its state one at a time. */
  lockItem: statement<[message: string], { state: 'pending' | 'sent' | 'failed'; org: string }>(
    `SELECT o.state, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.message = $1 FOR UPDATE OF o`,
  ),
  complete: statement<[providerMessageId: string, at: string, message: string]>(
    `UPDATE outbox SET state = 'sent', provider_message_id = $1, lease_worker = NULL, lease_until = NULL, last_error = NULL, updated_at = $2
     WHERE message = $3`,
  ),
  setProviderId: statement<[providerId: string, message: string]>(`UPDATE messages SET provider_id = $1 WHERE id = $2`),
  retryAt: statement<[dueAt: string, error: string, at: string, message: string]>(
    `UPDATE outbox SET due_at = $1, lease_worker = NULL, lease_until = NULL, last_error = $2, updated_at = $3 WHERE message = $4`,
  ),
  giveUp: statement<[error: string, at: string, message: string]>(
    `UPDATE outbox SET state = 'failed', lease_worker = NULL, lease_until = NULL, last_error = $1, updated_at = $2 WHERE message = $3`,
  ),
  byProviderId: statement<[providerMessageId: string], { id: string; org: string }>(
    `SELECT o.message AS id, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.provider_message_id = $1`,
  ),
};
