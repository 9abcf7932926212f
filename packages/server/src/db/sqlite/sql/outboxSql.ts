// SQL (SQLite): the outbox between an accepted reply and the transport (R16).
import type { Database } from 'better-sqlite3';
import { prepare } from './prepare';

export interface DueRow {
  id: string;
  org: string;
  number: string;
  customer: string;
  service: string;
  type: string;
  text: string | null;
  raw: string;
  attempts: number;
  at: string;
}

export function outboxSql(db: Database) {
  return {
    insertOutbox: prepare<[message: string, pos: number, dueAt: string, updatedAt: string]>(
      db,
      `INSERT INTO outbox (message, pos, state, due_at, attempts, updated_at) VALUES (?, ?, 'pending', ?, 0, ?)`,
    ),
    /** Due, and unclaimed or with an expired lease; oldest first. */
    dueItems: prepare<[now: string, now2: string, limit: number], DueRow>(
      db,
      `SELECT o.message AS id, m.org, c.number, cv.customer, m.service, m.type, m.text, m.raw, o.attempts, m.at
       FROM outbox o
       JOIN messages m ON m.id = o.message
       JOIN channels c ON c.id = m.channel
       JOIN conversations cv ON cv.id = m.conversation
       WHERE o.state = 'pending' AND o.due_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
       ORDER BY o.pos
       LIMIT ?`,
    ),
    /**
     * Due items like dueItems, at most `perService` of each (number, service), oldest first:
     * claimFair's candidates. `reclaimed`: an earlier lease lapsed with nothing recorded.
     */
    dueItemsFair: prepare<
      [now: string, now2: string, perService: number, limit: number],
      DueRow & { reclaimed: number }
    >(
      db,
      `SELECT id, org, number, customer, service, type, text, raw, attempts, at, reclaimed FROM (
         SELECT o.message AS id, m.org, c.number, cv.customer, m.service, m.type, m.text, m.raw, o.attempts, m.at, o.pos,
                o.lease_until IS NOT NULL AS reclaimed,
                ROW_NUMBER() OVER (PARTITION BY c.number, m.service ORDER BY o.pos) AS turn
         FROM outbox o
         JOIN messages m ON m.id = o.message
         JOIN channels c ON c.id = m.channel
         JOIN conversations cv ON cv.id = m.conversation
         WHERE o.state = 'pending' AND o.due_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
       )
       WHERE turn <= ?
       ORDER BY pos
       LIMIT ?`,
    ),
    lease: prepare<[worker: string, until: string, at: string, message: string]>(
      db,
      `UPDATE outbox SET lease_worker = ?, lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE message = ?`,
    ),
    itemById: prepare<[message: string], { state: 'pending' | 'sent' | 'failed'; org: string }>(
      db,
      `SELECT o.state, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.message = ?`,
    ),
    complete: prepare<[providerMessageId: string, at: string, message: string]>(
      db,
      `UPDATE outbox SET state = 'sent', provider_message_id = ?, lease_worker = NULL, lease_until = NULL, last_error = NULL, updated_at = ?
       WHERE message = ?`,
    ),
    setProviderId: prepare<[providerId: string, message: string]>(
      db,
      `UPDATE messages SET provider_id = ? WHERE id = ?`,
    ),
    retryAt: prepare<[dueAt: string, error: string, at: string, message: string]>(
      db,
      `UPDATE outbox SET due_at = ?, lease_worker = NULL, lease_until = NULL, last_error = ?, updated_at = ? WHERE message = ?`,
    ),
    giveUp: prepare<[error: string, at: string, message: string]>(
      db,
      `UPDATE outbox SET state = 'failed', lease_worker = NULL, lease_until = NULL, last_error = ?, updated_at = ? WHERE message = ?`,
    ),
    byProviderId: prepare<[providerMessageId: string], { id: string; org: string }>(
      db,
      `SELECT o.message AS id, m.org FROM outbox o JOIN messages m ON m.id = o.message WHERE o.provider_message_id = ?`,
    ),
  };
}
