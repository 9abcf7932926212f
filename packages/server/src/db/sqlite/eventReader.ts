// Reading a service's event stream: stored rows are already projected for it (R20).
import { OneNumberError, type ChannelEvent } from '@onenumber/core';
import type { EventBody } from '../shared/eventDrafts';
import { noLimit, type Statements } from './sql';

export function readEvents(sql: Statements, org: string, service: string, after: number, limit: number | undefined): ChannelEvent[] {
  return sql.eventsAfter.all(org, service, after, limit ?? noLimit).map((row) => ({ id: String(row.id), ...(JSON.parse(row.body) as EventBody) }) as ChannelEvent);
}

/** A cursor is an event id this database gave out (a decimal integer); absent means the start. */
export function parseCursor(after: string | undefined): number | null {
  if (after === undefined) return null;
  if (!/^[0-9]{1,15}$/.test(after)) throw new OneNumberError('INVALID_INPUT', 'after: an event cursor is the id of an event this server sent', { field: 'after' });
  return Number(after);
}
