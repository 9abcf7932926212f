// SQL (SQLite): the events table; the integer id is each stream's cursor.
import type { Database } from 'better-sqlite3';
import { prepare } from './prepare';

export function eventSql(db: Database) {
  return {
    insertEvent: prepare<[org: string, service: string, channel: string, type: string, body: string]>(
      db,
      `INSERT INTO events (org, service, channel, type, body) VALUES (?, ?, ?, ?, ?)`,
    ),
    /** A negative limit is no limit in SQLite. */
    eventsAfter: prepare<
      [org: string, service: string, after: number, limit: number],
      { id: number; body: string; type: string; channel: string }
    >(db, `SELECT id, body, type, channel FROM events WHERE org = ? AND service = ? AND id > ? ORDER BY id LIMIT ?`),
    latestId: prepare<[], { id: number }>(db, `SELECT COALESCE(MAX(id), 0) AS id FROM events`),
  };
}

export const noLimit = -1;
