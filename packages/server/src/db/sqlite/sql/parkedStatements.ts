// SQL (SQLite) of parked webhook deliveries (R29); bytes in a BLOB, times in ms since the epoch.
import type { ParkedCatalogue } from '../../port/parkedCatalogue';
import type { SqliteSql } from './dialect';

export const parkedStatements: { [N in keyof ParkedCatalogue]: SqliteSql } = {
  parkDelivery: `INSERT INTO parked_deliveries (phone_number_id, body, size, arrived_at)
    SELECT $1, $2, $3, $4 WHERE (SELECT COALESCE(SUM(size), 0) FROM parked_deliveries) + $3 <= $5`,
  parkedNumbers: `SELECT DISTINCT phone_number_id FROM parked_deliveries`,
  oldestParked: `SELECT seq, body FROM parked_deliveries WHERE phone_number_id = ? ORDER BY seq LIMIT ?`,
  removeParked: `DELETE FROM parked_deliveries WHERE seq = ?`,
  expireParked: `DELETE FROM parked_deliveries WHERE arrived_at < ?`,
  listParked: `SELECT seq, phone_number_id, size, arrived_at FROM parked_deliveries ORDER BY seq LIMIT ?`,
  parkedTotal: `SELECT COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes FROM parked_deliveries`,
};
