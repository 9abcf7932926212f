// Reading a service's event stream, written once for every dialect (events() and the event hub's
// subscribers): stored rows are already projected for it (R20); R36: a row that cannot be read
// back whole is answered in part, never skipped (storedEvents.ts); R32: a status error stored
// before R32 is projected for its recipient (statusEvents.ts). A read stops before the first
// held row (PostgreSQL: a transaction below it may still commit, eventPositionSchema.ts) and
// says so, so the caller reads again later instead of moving its cursor past a late commit.
import type { ChannelEvent } from '@onenumber/core';
import { toChannelEvent } from '../common/cursors';
import { settleStatusErrors, unsettledMessages } from '../common/statusEvents';
import { all, one, type Steps } from '../port/steps';

export interface StreamRead {
  events: ChannelEvent[];
  /** Rows after these exist but may not be served yet: read again later. */
  held: boolean;
}

/**
 * The events after `after` that may be served. `whole`: every committed row, held or not (a push
 * delivery names one event its own transaction committed).
 */
export function* readStream(
  org: string,
  service: string,
  after: number,
  limit: number | null,
  whole = false,
): Steps<StreamRead> {
  const rows = yield* all('eventsAfter', org, service, after, limit);
  const stop = whole ? -1 : rows.findIndex((row) => Boolean(row.held));
  const events = (stop < 0 ? rows : rows.slice(0, stop)).map((row) =>
    toChannelEvent(row.id, row.body, { org, service, type: row.type, channel: row.channel }),
  );
  const ids = unsettledMessages(events);
  if (ids.length === 0) return { events, held: stop >= 0 };
  const senders = new Map<string, string | null>();
  for (const id of ids) senders.set(id, (yield* one('messageById', id, org))?.service ?? null);
  return { events: settleStatusErrors(events, senders), held: stop >= 0 }; // R32, rows from before it
}

export function* readEvents(org: string, service: string, after: number, limit: number | null): Steps<ChannelEvent[]> {
  return (yield* readStream(org, service, after, limit)).events;
}
