// Reading a service's event stream, written once for every dialect (events() and the event hub's
// subscribers): stored rows are already projected for it (R20); R36: a row that cannot be read
// back whole is answered in part, never skipped (storedEvents.ts); R32: a status error stored
// before R32 is projected for its recipient (statusEvents.ts).
import type { ChannelEvent } from '@onenumber/core';
import { toChannelEvent } from '../common/cursors';
import { settleStatusErrors, unsettledMessages } from '../common/statusEvents';
import { all, one, type Steps } from '../port/steps';

export function* readEvents(org: string, service: string, after: number, limit: number | null): Steps<ChannelEvent[]> {
  const events = (yield* all('eventsAfter', org, service, after, limit)).map((row) =>
    toChannelEvent(row.id, row.body, { org, service, type: row.type, channel: row.channel }),
  );
  const ids = unsettledMessages(events);
  if (ids.length === 0) return events;
  const senders = new Map<string, string | null>();
  for (const id of ids) senders.set(id, (yield* one('messageById', id, org))?.service ?? null);
  return settleStatusErrors(events, senders); // R32, rows from before it
}
