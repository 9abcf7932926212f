// SQL (PostgreSQL): conversations, assignments, messages, inbound dedupe (R15..R21, R24).
import type { ConversationRow, MessageRow } from '../../common/rows';
import { statement } from './statement';

const conversationColumns = 'id, channel, customer, version, last_inbound_at';
const messageFields =
  'org, channel, conversation, direction, service, agent, agent_name, type, text, raw, status, error, provider_id, at';
const messageColumns = `id, ${messageFields}`;

export const messageSql = {
  conversationByCustomer: statement<[channel: string, customer: string], ConversationRow>(
    `SELECT ${conversationColumns} FROM conversations WHERE channel = $1 AND customer = $2`,
  ),
  conversationById: statement<[id: string], ConversationRow>(
    `SELECT ${conversationColumns} FROM conversations WHERE id = $1`,
  ),
  /** An inbound message: the conversation's row, locked until commit, so its messages are stored in commit order. */
  touchInbound: statement<[channel: string, customer: string, at: string], ConversationRow>(
    `UPDATE conversations SET last_inbound_at = $3 WHERE channel = $1 AND customer = $2 RETURNING ${conversationColumns}`,
  ),
  /** The first message of a customer in a channel; a concurrent first one makes it an update. */
  openConversation: statement<[channel: string, customer: string, at: string], ConversationRow>(
    `INSERT INTO conversations (id, channel, customer, version, last_inbound_at)
     SELECT onenumber_id('cv', v), $1, $2, 0, $3 FROM nextval('conversation_values') AS v
     ON CONFLICT (channel, customer) DO UPDATE SET last_inbound_at = EXCLUDED.last_inbound_at RETURNING ${conversationColumns}`,
  ),
  /** Optimistic concurrency: moves the version on only from the expected one (a concurrent writer waits, then misses). */
  bumpVersion: statement<[id: string, expected: number, step: number], { version: number }>(
    `UPDATE conversations SET version = version + $3 WHERE id = $1 AND version = $2 RETURNING version`,
  ),
  assignmentsOf: statement<[conversation: string], { service: string; agent: string; seq: number }>(
    `SELECT service, agent, seq FROM assignments WHERE conversation = $1 ORDER BY seq`,
  ),
  deleteAssignment: statement<[conversation: string, service: string]>(
    `DELETE FROM assignments WHERE conversation = $1 AND service = $2`,
  ),
  insertAssignment: statement<[conversation: string, service: string, agent: string]>(
    `INSERT INTO assignments (conversation, service, agent, seq) VALUES ($1, $2, $3, nextval('seq_values'))`,
  ),
  insertMessage: statement<
    [
      org: string,
      channel: string,
      conversation: string,
      direction: string,
      service: string | null,
      agent: string | null,
      agentName: string | null,
      type: string,
      text: string | null,
      raw: string,
      status: string,
      error: string | null,
      providerId: string | null,
      at: string,
    ],
    { id: string; pos: number }
  >(
    `INSERT INTO messages (id, pos, ${messageFields})
     SELECT onenumber_id('msg', v), v, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM nextval('message_values') AS v
     RETURNING id, pos`,
  ),
  messagesOf: statement<[conversation: string], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE conversation = $1 ORDER BY pos`,
  ),
  messageById: statement<[id: string, org: string], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE id = $1 AND org = $2`,
  ),
  /** R17: the status is read under this lock, so two reports never both move it from the same value. */
  lockMessage: statement<[id: string], MessageRow>(
    `SELECT ${messageColumns} FROM messages WHERE id = $1 FOR NO KEY UPDATE`,
  ),
  setStatus: statement<[status: string, error: string | null, id: string]>(
    `UPDATE messages SET status = $1, error = $2 WHERE id = $3`,
  ),
  /** R15: 1 row when the provider id is new on this number, 0 when any replica stored it before. */
  rememberInbound: statement<[number: string, providerId: string]>(
    `INSERT INTO inbound_ids (number, provider_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
  ),
};
