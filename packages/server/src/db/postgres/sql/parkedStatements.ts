// SQL (PostgreSQL) of parked webhook deliveries (R29); bytes in a bytea, times in ms since the epoch.
import type { ParkedCatalogue } from '../../port/parkedCatalogue';
import type { PostgresSql } from './dialect';

export const parkedStatements: { [N in keyof ParkedCatalogue]: PostgresSql } = {
  parkDelivery: `INSERT INTO parked_deliveries (phone_number_id, body, size, arrived_at)
    SELECT $1::text, $2::bytea, $3::integer, $4::bigint
    WHERE (SELECT COALESCE(SUM(size), 0) FROM parked_deliveries) + $3::integer <= $5::bigint`,
  parkedNumbers: `SELECT DISTINCT phone_number_id FROM parked_deliveries`,
  oldestParked: `SELECT seq, body FROM parked_deliveries WHERE phone_number_id = $1 ORDER BY seq LIMIT $2`,
  removeParked: `DELETE FROM parked_deliveries WHERE seq = $1`,
  expireParked: `DELETE FROM parked_deliveries WHERE arrived_at < $1`,
  listParked: `SELECT seq, phone_number_id, size, arrived_at FROM parked_deliveries ORDER BY seq LIMIT $1`,
  parkedTotal: {
    sql: `SELECT COUNT(*) AS count, COALESCE(SUM(size), 0)::bigint AS bytes FROM parked_deliveries`,
    decode: (row: { count: number | string; bytes: number | string }) => ({
      count: Number(row.count),
      bytes: Number(row.bytes),
    }),
  },
};
