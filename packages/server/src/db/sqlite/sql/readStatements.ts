// SQL (SQLite) of the read catalogue (R39): read markers and read receipts, forward only.
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
  claimReceipt: `INSERT INTO read_receipts (conversation, pos, at) VALUES ($1, $2, $3)
    ON CONFLICT (conversation) DO UPDATE SET pos = excluded.pos, at = excluded.at WHERE read_receipts.pos < excluded.pos
    RETURNING pos`,
};
