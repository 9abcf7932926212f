// SQL (PostgreSQL) of the stream catalogue: each service's events and each channel's timeline,
// numbered per stream and per channel in commit order (seq, see connection.ts), and each
// service's durable cursor (issue 9). A null limit is none.
import type { StreamCatalogue } from '../../port/streamCatalogue';
import type { PostgresSql } from './dialect';

export const streamStatements: { [N in keyof StreamCatalogue]: PostgresSql } = {
  timelineAfter: `SELECT seq AS id, channel, at, what, service, agent, from_service, to_service, message, status, why
    FROM timeline WHERE channel = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
  cursorOf: `SELECT cursor FROM cursors WHERE org = $1 AND service = $2`,
  saveCursor: `INSERT INTO cursors (org, service, cursor) VALUES ($1, $2, $3)
    ON CONFLICT (org, service) DO UPDATE SET cursor = EXCLUDED.cursor WHERE EXCLUDED.cursor > cursors.cursor`,
  eventsAfter: `SELECT seq AS id, body, type, channel FROM events WHERE org = $1 AND service = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
};
