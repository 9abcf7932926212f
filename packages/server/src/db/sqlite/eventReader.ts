// Reading a service's event stream: stored rows are already projected for it (R20); R36: a row
// that cannot be read back whole is answered in part, never skipped (storedEvents.ts).
import type { ChannelEvent } from '@onenumber/core';
import { toChannelEvent } from '../common/cursors';
import { noLimit, type Statements } from './sql';

export { parseCursor } from '../common/cursors';

export function readEvents(
  sql: Statements,
  org: string,
  service: string,
  after: number,
  limit: number | undefined,
): ChannelEvent[] {
  return sql.eventsAfter
    .all(org, service, after, limit ?? noLimit)
    .map((row) => toChannelEvent(row.id, row.body, { org, service, type: row.type, channel: row.channel }));
}
