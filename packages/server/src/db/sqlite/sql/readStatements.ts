// SQL (SQLite) of the read catalogue (R39): read markers and read receipts, forward only.
import { messageColumns, storedFromArray } from '../../common/historyRows';
import type { ReadCatalogue } from '../../port/readCatalogue';
import type { SqliteSql } from './dialect';

export const readStatements: { [N in keyof ReadCatalogue]: SqliteSql } = {
  readMarkerOf: `SELECT pos FROM read_markers WHERE conversation = ? AND service = ?`,
  moveReadMarker: `INSERT INTO read_markers (conversation, service, pos, at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (conversation, service) DO UPDATE SET pos = excluded.pos, at = excluded.at WHERE read_markers.pos < excluded.pos
    RETURNING pos`,
  lastMessageOf: `SELECT id, pos FROM messages WHERE conversation = ? ORDER BY pos DESC LIMIT 1`,
  lastInboundOf: `SELECT id, pos, provider_id FROM messages WHERE conversation = ? AND direction = 'in' ORDER BY pos DESC LIMIT 1`,
  receiptOf: `SELECT pos FROM read_receipts WHERE conversation = ?`,
  conversationsOfChannel: `SELECT id, customer, last_at FROM (SELECT c.id, c.customer,
      (SELECT m.at FROM messages m WHERE m.conversation = c.id ORDER BY m.pos DESC LIMIT 1) AS last_at
    FROM conversations c WHERE c.channel = ?) WHERE last_at IS NOT NULL`,
  lastStoredOf: {
    sql: `SELECT ${messageColumns} FROM messages WHERE conversation = ? ORDER BY pos DESC LIMIT 1`,
    arrays: true,
    decode: storedFromArray,
  },
  unreadAfter: `SELECT COUNT(*) AS count FROM messages WHERE conversation = ? AND direction = 'in' AND pos > ?`,
  claimReceipt: `INSERT INTO read_receipts (conversation, pos, at) VALUES ($1, $2, $3)
    ON CONFLICT (conversation) DO UPDATE SET pos = excluded.pos, at = excluded.at WHERE read_receipts.pos < excluded.pos
    RETURNING pos`,
};
