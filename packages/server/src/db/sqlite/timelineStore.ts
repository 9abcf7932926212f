// Issue 9 on SQLite: each channel's audit timeline (written by the stores in the transaction of
// each change; never text, R20) and each service's durable cursor over its event stream.
import { parseInput, type TimelineDraft, type TimelineEntry, type TimelineQuery } from '@onenumber/core';
import { readLimitSchema as limitSchema } from '../common/cursors';
import { guarded } from '../common/errors';
import { notedEntry, toTimelineEntry } from '../common/timelineRows';
import { channelIn } from './channels';
import type { SqliteHandle } from './connection';
import { parseCursor } from './eventReader';
import { noLimit } from './sql';

export function timelineStore(h: SqliteHandle) {
  const { sql } = h;
  return {
    timeline: (input: TimelineQuery): Promise<TimelineEntry[]> =>
      guarded(() =>
        h.read(() => {
          const channel = channelIn(sql, input.org, input.channel);
          const after = parseCursor(input.after) ?? 0;
          const limit = parseInput(limitSchema, input.limit, 'limit') ?? noLimit;
          return sql.timelineAfter.all(channel.id, after, limit).map(toTimelineEntry);
        }),
      ),

    /** R23: an entry the storage cannot see happen itself (a confirmation was requested). */
    note: (input: { org: string; entry: TimelineDraft }): Promise<void> =>
      guarded(() => {
        const entry = notedEntry(input.entry);
        return h.write(() => {
          channelIn(sql, input.org, entry.channel);
          h.record(input.org, [entry]);
        });
      }),

    loadCursor: (input: { org: string; service: string }): Promise<string | null> =>
      guarded(() => {
        const row = sql.cursorOf.get(input.org, input.service);
        return row ? String(row.cursor) : null;
      }),

    saveCursor: (input: { org: string; service: string; cursor: string }): Promise<void> =>
      guarded(() => {
        const cursor = parseCursor(input.cursor) ?? 0;
        sql.saveCursor.run(input.org, input.service, cursor);
      }),
  };
}
