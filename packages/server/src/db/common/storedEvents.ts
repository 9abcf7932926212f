// R36 (second line): a stored event row as the event. A read never fails on a row and never skips
// one: a body nested too deep to serialise again (a message's raw object stored around the edge,
// or before R36) is answered with the raw object left out (`raw: null`, `omitted: ['raw']` on the
// message); a body that is not JSON at all, or still too deep, with what the row's own columns say
// and `omitted: ['body']`. Each such read is counted (unreadable.ts).
import type { ChannelEvent } from '@onenumber/core';
import { checkJsonBounds, jsonNestingExceeds, type EventBody } from '@onenumber/core/storage-kit';
import { storedJsonMaxDepth } from './storedJson';
import { countUnreadable } from './unreadable';

/** What the row says besides its body (its stream, type and channel), for a body that cannot be read. */
export interface EventColumns {
  org: string;
  service: string;
  type?: string | undefined;
  channel?: string | undefined;
}

type Body = Record<string, unknown>;
const depthOnly = { depth: storedJsonMaxDepth, bytes: Number.MAX_SAFE_INTEGER, keys: Number.MAX_SAFE_INTEGER };
const tooDeep = (value: unknown) => checkJsonBounds(value, depthOnly)?.limit === 'depth';
const isBody = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(body: unknown): { value: Body | null; deep: boolean } {
  if (typeof body !== 'string') return { value: isBody(body) ? body : null, deep: tooDeep(body) };
  const deep = jsonNestingExceeds(body, storedJsonMaxDepth);
  try {
    const value: unknown = JSON.parse(body); // V8's JSON.parse does not recurse: a deep text still parses
    return { value: isBody(value) ? value : null, deep };
  } catch {
    return { value: null, deep };
  }
}

/** The body with its message's raw object left out, or null when that was not what made it deep. */
function withoutRaw(body: Body): Body | null {
  const message = body.message;
  if (!isBody(message)) return null;
  const repaired = { ...body, message: { ...message, raw: null, omitted: ['raw'] } };
  return tooDeep(repaired) ? null : repaired;
}

/** Only what the columns and the body's top-level plain values say. */
function skeleton(body: Body | null, columns: EventColumns | undefined): Body {
  const plain = Object.entries(body ?? {}).filter(([, v]) => v === null || typeof v !== 'object');
  const known = Object.entries(columns ?? {}).filter(([, v]) => v !== undefined);
  return { type: 'unknown', ...Object.fromEntries(plain), ...Object.fromEntries(known), omitted: ['body'] };
}

/** A stored event row (its body already projected for its service, R20) as the event. */
export function toChannelEvent(id: number, body: unknown, columns?: EventColumns): ChannelEvent {
  const parsed = parse(body);
  let event = parsed.value && !parsed.deep ? parsed.value : null;
  if (!event) {
    countUnreadable('event');
    event = (parsed.value && withoutRaw(parsed.value)) ?? skeleton(parsed.value, columns);
  }
  return { id: String(id), ...(event as EventBody) } as ChannelEvent;
}
