// SQL (PostgreSQL) of the stream catalogue: each service's events by position (seq, see
// eventPositionSchema.ts), each channel's timeline numbered in commit order, and each service's
// durable cursor (issue 9). A null limit is none. An event at or past the snapshot's bound is
// `held`: its transaction, or one below it, may still be running (the reader stops before it).
import type { StreamCatalogue } from '../../port/streamCatalogue';
import type { PostgresSql } from './dialect';

export const streamStatements: { [N in keyof StreamCatalogue]: PostgresSql } = {
  timelineAfter: `SELECT seq AS id, channel, at, what, service, agent, from_service, to_service, message, status, why
    FROM timeline WHERE channel = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
  cursorOf: `SELECT cursor FROM cursors WHERE org = $1 AND service = $2`,
  saveCursor: `INSERT INTO cursors (org, service, cursor) VALUES ($1, $2, $3)
    ON CONFLICT (org, service) DO UPDATE SET cursor = EXCLUDED.cursor WHERE EXCLUDED.cursor > cursors.cursor`,
  eventsAfter: `WITH b AS (SELECT onenumber_event_bound() AS bound)
    SELECT e.seq AS id, e.body, e.type, e.channel, e.seq > b.bound AS held
    FROM events e, b WHERE e.org = $1 AND e.service = $2 AND e.seq > $3 ORDER BY e.seq LIMIT $4`,
};
