// Issue 9, written once for every dialect: each channel's audit timeline (written by the stores
// in the transaction of each change; never text, R20) and each service's durable cursor over
// its event stream. A timeline is read as its reading service may see it (R33).
import type { TimelineEntry } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { projectTimelineEntry, type TimelineDraft, type TimelineQuery } from '@onenumber/core/storage-kit';
import { parseCursor, readLimitSchema } from '../common/cursors';
import { guarded } from '../common/errors';
import { notedEntry, toTimelineEntry } from '../common/timelineRows';
import type { Runner } from '../port/runner';
import { all, one, record, run } from '../port/steps';
import { channelIn } from './facts';

export function timelineStore(db: Runner) {
  return {
    timeline: (input: TimelineQuery): Promise<TimelineEntry[]> =>
      guarded(() => {
        const after = parseCursor(input.after) ?? 0;
        const limit = parseInput(readLimitSchema, input.limit, 'limit') ?? null;
        return db.read(function* () {
          const channel = yield* channelIn(input.org, input.channel);
          const rows = yield* all('timelineAfter', channel.id, after, limit);
          return rows.map((row) => projectTimelineEntry(toTimelineEntry(row), input.service));
        });
      }),

    /** R23: an entry the storage cannot see happen itself (a confirmation was requested). */
    note: (input: { org: string; entry: TimelineDraft }): Promise<void> =>
      guarded(() => {
        const entry = notedEntry(input.entry);
        return db.write(function* () {
          yield* channelIn(input.org, entry.channel);
          yield* record(input.org, [entry]);
        });
      }),

    loadCursor: (input: { org: string; service: string }): Promise<string | null> =>
      guarded(() =>
        db.run(function* () {
          const row = yield* one('cursorOf', input.org, input.service);
          return row ? String(row.cursor) : null;
        }),
      ),

    saveCursor: (input: { org: string; service: string; cursor: string }): Promise<void> =>
      guarded(() => {
        const cursor = parseCursor(input.cursor) ?? 0;
        return db.run(function* () {
          yield* run('saveCursor', input.org, input.service, cursor);
        });
      }),
  };
}
