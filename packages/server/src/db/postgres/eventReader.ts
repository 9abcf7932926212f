// Reading a service's event stream on PostgreSQL (events() and the hub's subscribers): stored rows
// are already projected for it (R20); R36: a row that cannot be read back whole is answered in
// part, never skipped (storedEvents.ts); R32: a status error stored before R32 is projected for
// its recipient (statusEvents.ts).
import type { ChannelEvent } from '@onenumber/core';
import { toChannelEvent } from '../common/cursors';
import { settleStatusErrors, unsettledMessages } from '../common/statusEvents';
import { sql, type Queryable } from './sql';

export async function readEvents(
  db: Queryable,
  org: string,
  service: string,
  after: number,
  limit: number | null,
): Promise<ChannelEvent[]> {
  const events = (await sql.eventsAfter.all(db, org, service, after, limit)).map((row) =>
    toChannelEvent(row.seq, row.body, { org, service, type: row.type, channel: row.channel }),
  );
  const ids = unsettledMessages(events);
  if (ids.length === 0) return events;
  const senders = await Promise.all(
    ids.map(async (id) => [id, (await sql.messageById.get(db, id, org))?.service ?? null] as const),
  );
  return settleStatusErrors(events, new Map(senders));
}
