// Reading a service's event stream: stored rows are already projected for it (R20); R36: a row
// that cannot be read back whole is answered in part, never skipped (storedEvents.ts); R32: a
// status error stored before R32 is projected for its recipient (statusEvents.ts).
import type { ChannelEvent } from '@onenumber/core';
import { toChannelEvent } from '../common/cursors';
import { settleStatusErrors, unsettledMessages } from '../common/statusEvents';
import { noLimit, type Statements } from './sql';

export { parseCursor } from '../common/cursors';

export function readEvents(
  sql: Statements,
  org: string,
  service: string,
  after: number,
  limit: number | undefined,
): ChannelEvent[] {
  const events = sql.eventsAfter
    .all(org, service, after, limit ?? noLimit)
    .map((row) => toChannelEvent(row.id, row.body, { org, service, type: row.type, channel: row.channel }));
  const senders = unsettledMessages(events).map((id) => [id, sql.messageById.get(id, org)?.service ?? null] as const);
  return senders.length ? settleStatusErrors(events, new Map(senders)) : events; // R32, rows from before it
}
