// SQL (PostgreSQL) of the message catalogue: conversations, assignments, messages, inbound dedupe
// (R15..R21, R24). Row locks keep concurrent writers of one conversation or message in order.
import { messageColumns } from '../../common/historyRows';
import { toStoredMessage } from '../../common/rows';
import type { MessageCatalogue } from '../../port/messageCatalogue';
import type { PostgresSql } from './dialect';

const conversationColumns = 'id, channel, customer, version, last_inbound_at';
const messageFields =
  'org, channel, conversation, direction, service, agent, agent_name, type, text, raw, status, error, provider_id, at';

export const messageStatements: { [N in keyof MessageCatalogue]: PostgresSql } = {
  conversationByCustomer: `SELECT ${conversationColumns} FROM conversations WHERE channel = $1 AND customer = $2`,
  conversationById: `SELECT ${conversationColumns} FROM conversations WHERE id = $1`,
  touchInbound: `UPDATE conversations SET last_inbound_at = $3 WHERE channel = $1 AND customer = $2 RETURNING ${conversationColumns}`,
  openConversation: `INSERT INTO conversations (id, channel, customer, version, last_inbound_at)
    SELECT onenumber_id('cv', v), $1, $2, 0, $3 FROM nextval('conversation_values') AS v
    ON CONFLICT (channel, customer) DO UPDATE SET last_inbound_at = EXCLUDED.last_inbound_at RETURNING ${conversationColumns}`,
  // A concurrent writer waits on the row, then misses the version it expected.
  bumpVersion: `UPDATE conversations SET version = version + $3 WHERE id = $1 AND version = $2 RETURNING version`,
  assignmentsOf: `SELECT service, agent, seq FROM assignments WHERE conversation = $1 ORDER BY seq`,
  deleteAssignment: `DELETE FROM assignments WHERE conversation = $1 AND service = $2`,
  insertAssignment: `INSERT INTO assignments (conversation, service, agent, seq) VALUES ($1, $2, $3, nextval('seq_values'))`,
  insertMessage: `INSERT INTO messages (id, pos, ${messageFields})
    SELECT onenumber_id('msg', v), v, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM nextval('message_values') AS v
    RETURNING id, pos`,
  historyOf: {
    sql: `SELECT ${messageColumns} FROM messages WHERE conversation = $1 ORDER BY pos`,
    decode: toStoredMessage,
  },
  messageById: `SELECT ${messageColumns} FROM messages WHERE id = $1 AND org = $2`,
  lockMessage: `SELECT ${messageColumns} FROM messages WHERE id = $1 FOR NO KEY UPDATE`,
  setStatus: `UPDATE messages SET status = $1, error = $2 WHERE id = $3`,
  laneOfMessage: `SELECT ch.number, cv.customer FROM messages m JOIN channels ch ON ch.id = m.channel JOIN conversations cv ON cv.id = m.conversation WHERE m.id = $1`,
  rememberInbound: `INSERT INTO inbound_ids (number, provider_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
};
