// Issue 9 on PostgreSQL: each channel's audit timeline (written by the stores in the transaction
// of each change, numbered per channel in commit order; never text, R20) and each service's
// durable cursor over its event stream.
import { parseInput, type TimelineDraft, type TimelineEntry, type TimelineQuery } from '@onenumber/core';
import { parseCursor, readLimitSchema } from '../common/cursors';
import { notedEntry, toTimelineEntry } from '../common/timelineRows';
import { channelIn } from './channels';
import type { PgHandle } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export function timelineStore(h: PgHandle) {
  return {
    timeline: (input: TimelineQuery): Promise<TimelineEntry[]> =>
      guarded(() =>
        h.read(async (db) => {
          const channel = await channelIn(db, input.org, input.channel);
          const after = parseCursor(input.after) ?? 0;
          const limit = parseInput(readLimitSchema, input.limit, 'limit') ?? null;
          return (await sql.timelineAfter.all(db, channel.id, after, limit)).map(toTimelineEntry);
        }),
      ),

    /** R23: an entry the storage cannot see happen itself (a confirmation was requested). */
    note: (input: { org: string; entry: TimelineDraft }): Promise<void> =>
      guarded(async () => {
        const entry = notedEntry(input.entry);
        await h.write(async (tx) => {
          await channelIn(tx.client, input.org, entry.channel);
          tx.record(input.org, [entry]);
        });
      }),

    loadCursor: (input: { org: string; service: string }): Promise<string | null> =>
      guarded(async () => {
        const row = await sql.cursorOf.get(h.db, input.org, input.service);
        return row ? String(row.cursor) : null;
      }),

    saveCursor: (input: { org: string; service: string; cursor: string }): Promise<void> =>
      guarded(async () => {
        const cursor = parseCursor(input.cursor) ?? 0;
        await sql.saveCursor.run(h.db, input.org, input.service, cursor);
      }),
  };
}
