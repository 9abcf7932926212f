// Each service's event stream. Every announcement is stored once in a shared log (a message event
// is the stored message itself); a service's stream holds only 4-byte positions into that log,
// and an event is projected for its recipient by core's projectEvent when read, with the
// recipient's policy (R18, R20, R32). This keeps a stored message and its fan-out small
// (memory-per-message bench).
import type { ChannelEvent, EventQuery, MaskingPolicy, StoredMessage } from '@onenumber/core';
import { projectEvent, type Announcement, type Change, type Place } from '@onenumber/core/storage-kit';

/** A change other than a message, with where it happened. */
type Noted = { place: Place; change: Exclude<Change, { type: 'message' }> };

/** What the log asks the storage when it projects a message event. */
export interface LogLookups {
  policyOf(channel: string, service: string): MaskingPolicy | undefined;
  placeOf(message: StoredMessage): { org: string; number: string; customer: string };
}

type Listener = (event: ChannelEvent) => void;

class Positions {
  items = new Int32Array(16);
  length = 0;
  push(value: number) {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

export class EventLog {
  #log: (Noted | StoredMessage)[] = [];
  #streams = new Map<string, Positions>();
  #listeners = new Map<string, Set<Listener>>();

  constructor(private readonly lookups: LogLookups) {}

  /** Appends one announcement to the streams of its recipients. */
  append({ place, change, recipients }: Announcement): void {
    const position = this.#log.push(change.type === 'message' ? change.message : { place, change }) - 1;
    for (const { service } of recipients) {
      const key = `${place.org}\u0000${service}`;
      let stream = this.#streams.get(key);
      if (!stream) this.#streams.set(key, (stream = new Positions()));
      stream.push(position);
      const listeners = this.#listeners.get(key);
      if (listeners?.size) {
        const event = this.#materialise(position, service);
        for (const listener of listeners) queueMicrotask(() => listener(event));
      }
    }
  }

  read(query: EventQuery): ChannelEvent[] {
    const stream = this.#streams.get(`${query.org}\u0000${query.service}`);
    if (!stream) return [];
    // Event ids are log positions + 1: find the first position after the cursor.
    const after = query.after ? Number(query.after) - 1 : -1;
    let start = 0;
    let end = stream.length;
    while (start < end) {
      const mid = (start + end) >> 1;
      if (stream.items[mid]! <= after) start = mid + 1;
      else end = mid;
    }
    const stop = Math.min(stream.length, query.limit ? start + query.limit : stream.length);
    const out: ChannelEvent[] = [];
    for (let i = start; i < stop; i++) out.push(this.#materialise(stream.items[i]!, query.service));
    return out;
  }

  subscribe(query: EventQuery, listener: Listener): () => void {
    const key = `${query.org}\u0000${query.service}`;
    const replay = query.after !== undefined;
    let last = replay ? Number(query.after) : this.#log.length;
    // Missed events first, each once; then live ones (ids only grow, so the guard keeps order).
    const guarded: Listener = (event) => {
      if (Number(event.id) <= last) return;
      last = Number(event.id);
      listener(event);
    };
    if (replay) for (const event of this.read({ ...query, limit: undefined })) queueMicrotask(() => guarded(event));
    let set = this.#listeners.get(key);
    if (!set) this.#listeners.set(key, (set = new Set()));
    set.add(guarded);
    return () => set.delete(guarded);
  }

  #materialise(position: number, service: string): ChannelEvent {
    const entry = this.#log[position]!;
    const id = String(position + 1);
    if (!('direction' in entry)) return { id, ...projectEvent(entry.place, entry.change, { service }) } as ChannelEvent;
    const { org, number, customer } = this.lookups.placeOf(entry);
    const place = { org, channel: entry.channel, number, at: entry.at };
    const policy = this.lookups.policyOf(entry.channel, service);
    return {
      id,
      ...projectEvent(place, { type: 'message', message: entry, customer }, { service, policy }),
    } as ChannelEvent;
  }
}
