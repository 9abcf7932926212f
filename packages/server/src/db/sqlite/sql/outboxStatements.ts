// SQL (SQLite) of the outbox catalogue (R16) and of claimFair: a claim is one UPDATE that leases
// the due items and answers what sending them needs (SQLite's write transaction holds the file,
// so two claims never take the same item).
import type { FairClaimCatalogue, OutboxCatalogue } from '../../port/outboxCatalogue';
import type { SqliteSql } from './dialect';

const due = `o.state = 'pending' AND o.due_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1)`;
const ofMessage = (column: string) => `(SELECT m.${column} FROM messages m WHERE m.id = outbox.message)`;

export const outboxStatements: { [N in keyof OutboxCatalogue]: SqliteSql } = {
  insertOutbox: `INSERT INTO outbox (message, pos, state, due_at, attempts, updated_at) VALUES (?, ?, 'pending', ?, 0, ?)`,
  claimDue: `UPDATE outbox SET lease_worker = $3, lease_until = $4, attempts = attempts + 1, updated_at = $1
    WHERE message IN (SELECT o.message FROM outbox o WHERE ${due} ORDER BY o.pos LIMIT $2)
    RETURNING message AS id, ${ofMessage('org')} AS org,
      (SELECT c.number FROM messages m JOIN channels c ON c.id = m.channel WHERE m.id = outbox.message) AS number,
      (SELECT cv.customer FROM messages m JOIN conversations cv ON cv.id = m.conversation WHERE m.id = outbox.message) AS customer,
      ${ofMessage('service')} AS service, ${ofMessage('type')} AS type, ${ofMessage('text')} AS text,
      ${ofMessage('raw')} AS raw, attempts - 1 AS attempts, ${ofMessage('at')} AS at, pos`,
  lockItem: `SELECT o.state, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.message = ?`,
  complete: `UPDATE outbox SET state = 'sent', provider_message_id = ?, lease_worker = NULL, lease_until = NULL, last_error = NULL, updated_at = ?
    WHERE message = ?`,
  setProviderId: `UPDATE messages SET provider_id = ? WHERE id = ?`,
  retryAt: `UPDATE outbox SET due_at = ?, lease_worker = NULL, lease_until = NULL, last_error = ?, updated_at = ? WHERE message = ?`,
  giveUp: `UPDATE outbox SET state = 'failed', lease_worker = NULL, lease_until = NULL, last_error = ?, updated_at = ? WHERE message = ?`,
  byProviderId: `SELECT o.message AS id, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.provider_message_id = ?`,
};

export const fairClaimStatements: { [N in keyof FairClaimCatalogue]: SqliteSql } = {
  dueItemsFair: {
    sql: `SELECT id, org, number, customer, service, type, text, raw, attempts, at, reclaimed FROM (
        SELECT o.message AS id, m.org, c.number, cv.customer, m.service, m.type, m.text, m.raw, o.attempts, m.at, o.pos,
               o.lease_until IS NOT NULL AS reclaimed,
               ROW_NUMBER() OVER (PARTITION BY c.number, m.service ORDER BY o.pos) AS turn
        FROM outbox o
        JOIN messages m ON m.id = o.message
        JOIN channels c ON c.id = m.channel
        JOIN conversations cv ON cv.id = m.conversation
        WHERE ${due}
      )
      WHERE turn <= $2
      ORDER BY pos
      LIMIT $3`,
    decode: (row: { reclaimed: number }) => ({ ...row, reclaimed: row.reclaimed === 1 }),
  },
  lease: `UPDATE outbox SET lease_worker = ?, lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE message = ?`,
};
