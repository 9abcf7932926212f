// SQL (PostgreSQL) of the read catalogue (R39): read markers and read receipts, forward only. A
// second replica's upsert of the same row waits for the first, then finds nothing to move.
import { messageColumns } from '../../common/historyRows';
import { toStoredMessage } from '../../common/rows';
import type { ReadCatalogue } from '../../port/readCatalogue';
import type { PostgresSql } from './dialect';

export const readStatements: { [N in keyof ReadCatalogue]: PostgresSql } = {
  readMarkerOf: `SELECT pos FROM read_markers WHERE conversation = $1 AND service = $2`,
  moveReadMarker: `INSERT INTO read_markers (conversation, service, pos, at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (conversation, service) DO UPDATE SET pos = EXCLUDED.pos, at = EXCLUDED.at WHERE read_markers.pos < EXCLUDED.pos
    RETURNING pos`,
  lastMessageOf: `SELECT id, pos FROM messages WHERE conversation = $1 ORDER BY pos DESC LIMIT 1`,
  lastInboundOf: `SELECT id, pos, provider_id FROM messages WHERE conversation = $1 AND direction = 'in' ORDER BY pos DESC LIMIT 1`,
  receiptOf: `SELECT pos FROM read_receipts WHERE conversation = $1`,
  conversationsOfChannel: `SELECT id, customer, last_at FROM (SELECT c.id, c.customer,
      (SELECT m.at FROM messages m WHERE m.conversation = c.id ORDER BY m.pos DESC LIMIT 1) AS last_at
    FROM conversations c WHERE c.channel = $1) listed WHERE last_at IS NOT NULL`,
  lastStoredOf: {
    sql: `SELECT ${messageColumns} FROM messages WHERE conversation = $1 ORDER BY pos DESC LIMIT 1`,
    decode: toStoredMessage,
  },
  unreadAfter: `SELECT COUNT(*)::int AS count FROM messages WHERE conversation = $1 AND direction = 'in' AND pos > $2`,
  claimReceipt: `INSERT INTO read_receipts (conversation, pos, at) VALUES ($1, $2, $3)
    ON CONFLICT (conversation) DO UPDATE SET pos = EXCLUDED.pos, at = EXCLUDED.at WHERE read_receipts.pos < EXCLUDED.pos
    RETURNING pos`,
};
