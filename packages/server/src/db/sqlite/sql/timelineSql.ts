// SQL (SQLite): the audit timeline of each channel and each service's durable cursor (issue 9).
import type { Database } from 'better-sqlite3';
import type { TimelineRow } from '../../common/timelineRows';
import { prepare } from './prepare';

export type { TimelineRow } from '../../common/timelineRows';

export function timelineSql(db: Database) {
  return {
    insertTimeline: prepare<[Omit<TimelineRow, 'id'> & { org: string }]>(
      db,
      `INSERT INTO timeline (org, channel, at, what, service, agent, from_service, to_service, message, status, why)
       VALUES (@org, @channel, @at, @what, @service, @agent, @from_service, @to_service, @message, @status, @why)`,
    ),
    /** A negative limit is no limit in SQLite. */
    timelineAfter: prepare<[channel: string, after: number, limit: number], TimelineRow>(
      db,
      `SELECT id, channel, at, what, service, agent, from_service, to_service, message, status, why
       FROM timeline WHERE channel = ? AND id > ? ORDER BY id LIMIT ?`,
    ),
    cursorOf: prepare<[org: string, service: string], { cursor: number }>(
      db,
      `SELECT cursor FROM cursors WHERE org = ? AND service = ?`,
    ),
    /** A cursor only moves forward: a late or repeated save never replays events. */
    saveCursor: prepare<[org: string, service: string, cursor: number]>(
      db,
      `INSERT INTO cursors (org, service, cursor) VALUES (?, ?, ?)
       ON CONFLICT (org, service) DO UPDATE SET cursor = excluded.cursor WHERE excluded.cursor > cursors.cursor`,
    ),
  };
}
