// SQL (SQLite) of the stream catalogue: each service's events (the integer id is its cursor;
// one writer at a time, so nothing is ever held),
// each channel's audit timeline and each service's durable cursor (issue 9). A null limit is
// none (SQLite reads a negative LIMIT as no limit).
import type { StreamCatalogue } from '../../port/streamCatalogue';
import type { SqliteSql } from './dialect';

export const streamStatements: { [N in keyof StreamCatalogue]: SqliteSql } = {
  timelineAfter: `SELECT id, channel, at, what, service, agent, from_service, to_service, message, status, why
    FROM timeline WHERE channel = ? AND id > ? ORDER BY id LIMIT ifnull(?, -1)`,
  cursorOf: `SELECT cursor FROM cursors WHERE org = ? AND service = ?`,
  saveCursor: `INSERT INTO cursors (org, service, cursor) VALUES (?, ?, ?)
    ON CONFLICT (org, service) DO UPDATE SET cursor = excluded.cursor WHERE excluded.cursor > cursors.cursor`,
  eventsAfter: `SELECT id, body, type, channel, 0 AS held FROM events WHERE org = ? AND service = ? AND id > ? ORDER BY id LIMIT ifnull(?, -1)`,
};
