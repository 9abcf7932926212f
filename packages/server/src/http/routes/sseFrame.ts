// One event as an SSE frame, never failing: an event that cannot be serialised (nested too deep
// for JSON.stringify, a value JSON has no word for) is sent with its message's raw object left
// out, or as its skeleton, under its own id: a stream never skips an id (R36). Each such frame is
// counted with the reads that left something out (GET /v1/admin/report).
import type { ChannelEvent } from '@onenumber/core';
import { countUnreadable } from '../../db/common/unreadable';

type Loose = Record<string, unknown>;

const serialise = (value: unknown): string | null => {
  try {
    const text = JSON.stringify(value);
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
};

/** The event with its message's raw object left out, as the database readers answer such a row. */
function withoutRaw(event: Loose): Loose | null {
  const message = event.message;
  if (typeof message !== 'object' || message === null) return null;
  return { ...event, message: { ...(message as Loose), raw: null, omitted: ['raw'] } };
}

/** Only the event's top-level plain values (its id, type, org, service, channel, at...). */
function skeleton(event: Loose): Loose {
  const plain = Object.entries(event).filter(
    ([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
  );
  return { type: 'unknown', ...Object.fromEntries(plain), omitted: ['body'] };
}

/** The JSON of an event, whatever it holds; the id is always the event's own. */
export function eventJson(event: ChannelEvent): string {
  const whole = serialise(event);
  if (whole !== null) return whole;
  countUnreadable('event');
  const loose = event as unknown as Loose;
  const repaired = withoutRaw(loose);
  return (repaired && serialise(repaired)) ?? JSON.stringify({ ...skeleton(loose), id: String(event.id) });
}

/** The SSE frame of one event; the event's JSON is one line (JSON.stringify never emits newlines). */
export const sseFrame = (event: ChannelEvent): string => `id: ${event.id}\ndata: ${eventJson(event)}\n\n`;
