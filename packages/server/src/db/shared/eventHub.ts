// Live events for subscribers of one database handle. Every event is a stored row with an
// increasing integer id (the cursor), so a subscriber is just a cursor: it is handed the rows of
// its stream after the cursor, in order, and the cursor moves past each one, so each event is
// delivered once, missed ones first. A write in this process wakes the subscribers of the
// streams it wrote to at once; writes of other processes on the same database are found by
// polling the highest event id, and only while someone is subscribed.
// The source is synchronous (better-sqlite3); an asynchronous dialect would use its own
// notification channel (PostgreSQL LISTEN/NOTIFY) in place of the poll.
import type { ChannelEvent, EventQuery } from '@onenumber/core';

export interface EventSource {
  /** The highest event id stored, 0 when there is none. */
  latestId(): number;
  /** The stream's events after the cursor, oldest first. */
  read(query: { org: string; service: string; after: number; limit: number }): ChannelEvent[];
}

interface Subscriber {
  org: string;
  service: string;
  cursor: number;
  listener: (event: ChannelEvent) => void;
  closed: boolean;
}

const batch = 256;
export const streamKey = (org: string, service: string): string => `${org}\u0000${service}`;

export class EventHub {
  readonly #source: EventSource;
  readonly #pollMs: number;
  readonly #subscribers = new Set<Subscriber>();
  #timer: ReturnType<typeof setInterval> | null = null;
  #polledId = 0;
  #closed = false;

  constructor(source: EventSource, pollMs: number) {
    this.#source = source;
    this.#pollMs = pollMs;
  }

  /** `after` is a parsed cursor; without one the subscriber starts at the newest stored event. */
  subscribe(query: EventQuery, after: number | null, listener: (event: ChannelEvent) => void): () => void {
    if (this.#closed) return () => {};
    const subscriber: Subscriber = { org: query.org, service: query.service, cursor: after ?? this.#source.latestId(), listener, closed: false };
    if (this.#subscribers.size === 0) this.#startPolling();
    this.#subscribers.add(subscriber);
    if (after !== null) queueMicrotask(() => this.#pump(subscriber)); // missed events first
    return () => {
      subscriber.closed = true;
      this.#subscribers.delete(subscriber);
      if (this.#subscribers.size === 0) this.#stopPolling();
    };
  }

  /** A write in this process committed events to these streams (streamKey). */
  notify(keys: ReadonlySet<string>): void {
    if (keys.size === 0 || this.#subscribers.size === 0) return;
    queueMicrotask(() => {
      for (const subscriber of this.#subscribers) if (keys.has(streamKey(subscriber.org, subscriber.service))) this.#pump(subscriber);
    });
  }

  close(): void {
    this.#closed = true;
    for (const subscriber of this.#subscribers) subscriber.closed = true;
    this.#subscribers.clear();
    this.#stopPolling();
  }

  #startPolling(): void {
    this.#polledId = this.#source.latestId();
    this.#timer = setInterval(() => this.#poll(), this.#pollMs);
    this.#timer.unref?.();
  }

  #stopPolling(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #poll(): void {
    let latest: number;
    try {
      latest = this.#source.latestId();
    } catch {
      return; // busy or closing: the next tick tries again
    }
    if (latest === this.#polledId) return;
    this.#polledId = latest;
    for (const subscriber of this.#subscribers) this.#pump(subscriber);
  }

  /** Synchronous, so two pumps of one subscriber never interleave. */
  #pump(subscriber: Subscriber): void {
    while (!subscriber.closed) {
      let events: ChannelEvent[];
      try {
        events = this.#source.read({ org: subscriber.org, service: subscriber.service, after: subscriber.cursor, limit: batch });
      } catch {
        return; // the next poll or write retries from the same cursor
      }
      for (const event of events) {
        if (subscriber.closed) return;
        subscriber.cursor = Number(event.id);
        try {
          subscriber.listener(event);
        } catch {
          // A failing listener must not stop the stream for itself or for the others.
        }
      }
      if (events.length < batch) return;
    }
  }
}
