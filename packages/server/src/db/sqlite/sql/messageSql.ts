// SQL (SQLite): conversations, assignments, messages, inbound dedupe (R15..R21, R24).
import type { Database } from 'better-sqlite3';
import { prepare, type Statement } from './prepare';
import type { ConversationRow, MessageRow } from '../../common/rows';

const conversationColumns = 'id, channel, customer, version, last_inbound_at';
export const messageColumns =
  'id, org, channel, conversation, direction, service, agent, agent_name, type, text, raw, status, error, provider_id, at';

export function messageSql(db: Database) {
  return {
    conversationByCustomer: prepare<[channel: string, customer: string], ConversationRow>(
      db,
      `SELECT ${conversationColumns} FROM conversations WHERE channel = ? AND customer = ?`,
    ),
    conversationById: prepare<[id: string], ConversationRow>(
      db,
      `SELECT ${conversationColumns} FROM conversations WHERE id = ?`,
    ),
    insertConversation: prepare<[id: string, channel: string, customer: string]>(
      db,
      `INSERT INTO conversations (id, channel, customer, version, last_inbound_at) VALUES (?, ?, ?, 0, NULL)`,
    ),
    touchInbound: prepare<[at: string, id: string]>(db, `UPDATE conversations SET last_inbound_at = ? WHERE id = ?`),
    /** Optimistic concurrency: moves the version on by `step` (0: only check it) from the expected one. */
    bumpVersion: prepare<[step: number, id: string, expected: number], { version: number }>(
      db,
      `UPDATE conversations SET version = version + ? WHERE id = ? AND version = ? RETURNING version`,
    ),
    assignmentsOf: prepare<[conversation: string], { service: string; agent: string; seq: number }>(
      db,
      `SELECT service, agent, seq FROM assignments WHERE conversation = ? ORDER BY seq`,
    ),
    deleteAssignment: prepare<[conversation: string, service: string]>(
      db,
      `DELETE FROM assignments WHERE conversation = ? AND service = ?`,
    ),
    insertAssignment: prepare<[conversation: string, service: string, agent: string, seq: number]>(
      db,
      `INSERT INTO assignments (conversation, service, agent, seq) VALUES (?, ?, ?, ?)`,
    ),
    insertMessage: prepare<[MessageRow & { pos: number }]>(
      db,
      `INSERT INTO messages (${messageColumns}, pos) VALUES
       (@id, @org, @channel, @conversation, @direction, @service, @agent, @agent_name, @type, @text, @raw, @status, @error, @provider_id, @at, @pos)`,
    ),
    messagesOf: prepare<[conversation: string], MessageRow>(
      db,
      `SELECT ${messageColumns} FROM messages WHERE conversation = ? ORDER BY pos`,
    ),
    /** The same history as arrays in messageColumns order: half the cost of row objects for long views. */
    historyOf: db
      .prepare<[conversation: string], unknown[]>(
        `SELECT ${messageColumns} FROM messages WHERE conversation = ? ORDER BY pos`,
      )
      .raw(true) as Statement<[conversation: string], unknown[]>,
    messageById: prepare<[id: string, org: string], MessageRow>(
      db,
      `SELECT ${messageColumns} FROM messages WHERE id = ? AND org = ?`,
    ),
    setStatus: prepare<[status: string, error: string | null, id: string]>(
      db,
      `UPDATE messages SET status = ?, error = ? WHERE id = ?`,
    ),
    /** R15: 1 change when the provider id is new on this number, 0 when it was stored before. */
    rememberInbound: prepare<[number: string, providerId: string]>(
      db,
      `INSERT INTO inbound_ids (number, provider_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    ),
  };
}
