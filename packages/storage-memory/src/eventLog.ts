// Each service's event stream. Every announcement is stored once in a shared log (a message event
// is the stored message itself); a service's stream holds only 4-byte positions into that log
// and a 1-byte index of the masking policy the recipient had when it happened (R33: a later
// change of policy applies from then on, as on the server), and an event is projected for its
// recipient by core's projectEvent when read (R18, R20, R32). This keeps a stored message and its
// fan-out small (memory-per-message bench).
import { defaultMaskingPolicy, OneNumberError, type ChannelEvent, type MaskingPolicy } from '@onenumber/core';
import {
  projectEvent,
  type Announcement,
  type Change,
  type EventQuery,
  type Place,
  type StoredMessage,
} from '@onenumber/core/storage-kit';

/** A change other than a message, with where it happened. */
type Noted = { place: Place; change: Exclude<Change, { type: 'message' }> };

/** What the log asks the storage when it projects a message event. */
export interface LogLookups {
  placeOf(message: StoredMessage): { org: string; number: string; customer: string };
}

type Listener = (event: ChannelEvent) => void;

class Positions {
  items = new Int32Array(16);
  /** The recipient's policy at the time, as an index into the log's interned policies. */
  policies = new Uint8Array(16);
  length = 0;
  push(value: number, policy: number) {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
      const policies = new Uint8Array(grown.length);
      policies.set(this.policies);
      this.policies = policies;
    }
    this.policies[this.length] = policy;
    this.items[this.length++] = value;
  }
}

export class EventLog {
  #log: (Noted | StoredMessage)[] = [];
  #streams = new Map<string, Positions>();
  #listeners = new Map<string, Set<Listener>>();
  /** The distinct policies seen (a few: a policy is one flag today), by their JSON. */
  #policies: MaskingPolicy[] = [];
  #policyIndex = new Map<string, number>();
  /** The same policy object is met again and again (the directory's, per org and service). */
  #seen = new WeakMap<MaskingPolicy, number>();

  constructor(private readonly lookups: LogLookups) {}

  #intern(given: MaskingPolicy | undefined): number {
    const policy = given ?? defaultMaskingPolicy;
    let index = this.#seen.get(policy);
    if (index !== undefined) return index;
    const key = JSON.stringify(policy);
    index = this.#policyIndex.get(key);
    if (index === undefined) {
      index = this.#policies.push(policy) - 1;
      if (index > 255) throw new OneNumberError('INTERNAL', 'more than 256 distinct masking policies');
      this.#policyIndex.set(key, index);
    }
    this.#seen.set(policy, index);
    return index;
  }

  /** Appends one announcement to the streams of its recipients. */
  append({ place, change, recipients }: Announcement): void {
    const position = this.#log.push(change.type === 'message' ? change.message : { place, change }) - 1;
    for (const { service, policy } of recipients) {
      const key = `${place.org}\u0000${service}`;
      let stream = this.#streams.get(key);
      if (!stream) this.#streams.set(key, (stream = new Positions()));
      const policyIndex = change.type === 'message' ? this.#intern(policy) : 0;
      stream.push(position, policyIndex);
      const listeners = this.#listeners.get(key);
      if (listeners?.size) {
        const event = this.#materialise(position, service, policyIndex);
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
    for (let i = start; i < stop; i++)
      out.push(this.#materialise(stream.items[i]!, query.service, stream.policies[i]!));
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

  #materialise(position: number, service: string, policyIndex: number): ChannelEvent {
    const entry = this.#log[position]!;
    const id = String(position + 1);
    if (!('direction' in entry)) return { id, ...projectEvent(entry.place, entry.change, { service }) } as ChannelEvent;
    const { org, number, customer } = this.lookups.placeOf(entry);
    const place = { org, channel: entry.channel, number, at: entry.at };
    const policy = this.#policies[policyIndex] ?? defaultMaskingPolicy;
    return {
      id,
      ...projectEvent(place, { type: 'message', message: entry, customer }, { service, policy }),
    } as ChannelEvent;
  }
}
