// SQL (SQLite) of the message catalogue: conversations, assignments, messages, inbound dedupe
// (R15..R21, R24).
import { messageColumns, storedFromArray } from '../../common/historyRows';
import type { MessageCatalogue } from '../../port/messageCatalogue';
import { nextValue, type SqliteSql } from './dialect';

const conversationColumns = 'id, channel, customer, version, last_inbound_at';
const messageFields =
  'org, channel, conversation, direction, service, agent, agent_name, type, text, raw, status, error, provider_id, at';
const messageById = `SELECT ${messageColumns} FROM messages WHERE id = ?`;

export const messageStatements: { [N in keyof MessageCatalogue]: SqliteSql } = {
  conversationByCustomer: `SELECT ${conversationColumns} FROM conversations WHERE channel = ? AND customer = ?`,
  conversationById: `SELECT ${conversationColumns} FROM conversations WHERE id = ?`,
  touchInbound: `UPDATE conversations SET last_inbound_at = $3 WHERE channel = $1 AND customer = $2 RETURNING ${conversationColumns}`,
  openConversation: {
    sql: [
      nextValue('conversation'),
      `INSERT INTO conversations (id, channel, customer, version, last_inbound_at)
       SELECT onenumber_id('cv', value), $1, $2, 0, $3 FROM sequences WHERE name = 'conversation'
       ON CONFLICT (channel, customer) DO UPDATE SET last_inbound_at = excluded.last_inbound_at
       RETURNING ${conversationColumns}`,
    ],
  },
  bumpVersion: `UPDATE conversations SET version = version + $3 WHERE id = $1 AND version = $2 RETURNING version`,
  assignmentsOf: `SELECT service, agent, seq FROM assignments WHERE conversation = ? ORDER BY seq`,
  deleteAssignment: `DELETE FROM assignments WHERE conversation = ? AND service = ?`,
  insertAssignment: {
    sql: [
      nextValue('seq'),
      `INSERT INTO assignments (conversation, service, agent, seq) SELECT ?, ?, ?, value FROM sequences WHERE name = 'seq'`,
    ],
  },
  insertMessage: {
    sql: [
      nextValue('message'),
      `INSERT INTO messages (id, pos, ${messageFields})
       SELECT onenumber_id('msg', value), value, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM sequences WHERE name = 'message'
       RETURNING id, pos`,
    ],
  },
  historyOf: {
    sql: `SELECT ${messageColumns} FROM messages WHERE conversation = ? ORDER BY pos`,
    arrays: true,
    decode: storedFromArray,
  },
  messageById: `${messageById} AND org = ?`,
  lockMessage: messageById,
  setStatus: `UPDATE messages SET status = ?, error = ? WHERE id = ?`,
  laneOfMessage: `SELECT ch.number, cv.customer FROM messages m JOIN channels ch ON ch.id = m.channel JOIN conversations cv ON cv.id = m.conversation WHERE m.id = ?`,
  rememberInbound: `INSERT INTO inbound_ids (number, provider_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
};
