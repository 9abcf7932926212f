// SQL (PostgreSQL) of the outbox catalogue (R16). A claim locks the due rows it takes with SKIP
// LOCKED, so replicas claiming at once never take the same item, and leases them; a lease that
// expired (its replica died) makes the item due again.
import type { OutboxCatalogue } from '../../port/outboxCatalogue';
import type { PostgresSql } from './dialect';

export const outboxStatements: { [N in keyof OutboxCatalogue]: PostgresSql } = {
  insertOutbox: `INSERT INTO outbox (message, pos, state, due_at, attempts, updated_at) VALUES ($1, $2, 'pending', $3, 0, $4)`,
  claimDue: `WITH due AS (
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
  lockItem: `SELECT o.state, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.message = $1 FOR UPDATE OF o`,
  complete: `UPDATE outbox SET state = 'sent', provider_message_id = $1, lease_worker = NULL, lease_until = NULL, last_error = NULL, updated_at = $2
    WHERE message = $3`,
  setProviderId: `UPDATE messages SET provider_id = $1 WHERE id = $2`,
  retryAt: `UPDATE outbox SET due_at = $1, lease_worker = NULL, lease_until = NULL, last_error = $2, updated_at = $3 WHERE message = $4`,
  giveUp: `UPDATE outbox SET state = 'failed', lease_worker = NULL, lease_until = NULL, last_error = $1, updated_at = $2 WHERE message = $3`,
  byProviderId: `SELECT o.message AS id, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.provider_message_id = $1`,
};
