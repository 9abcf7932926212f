// Live events for subscribers of one database handle. Every event is a stored row with an
// increasing integer id in its stream (the cursor), so a subscriber is just a cursor: it is
// handed the rows of its stream after the cursor, in order, and the cursor moves past each one,
// so each event is delivered once, missed ones first. A write in this process wakes the
// subscribers of the streams it wrote to at once; writes of other processes on the same database
// are found by polling the highest event id (SQLite), or announced to `notify` by the database
// (PostgreSQL's LISTEN/NOTIFY, with pollMs null), and only while someone is subscribed.
// A source may answer synchronously (better-sqlite3) or with promises (pg); either way one
// subscriber's reads never overlap, and a wake-up that comes during a read is not lost.
import type { ChannelEvent } from '@onenumber/core';
import type { EventQuery } from '@onenumber/core/storage-kit';

type MaybePromise<T> = T | Promise<T>;

export interface EventSource {
  /** The highest event id stored, 0 when there is none (polled when pollMs is set). */
  latestId(): MaybePromise<number>;
  /** Where a subscriber without a cursor starts: its stream's newest event (default: latestId). */
  startOf?(query: { org: string; service: string }): MaybePromise<number>;
  /** The stream's events after the cursor, oldest first. */
  read(query: { org: string; service: string; after: number; limit: number }): MaybePromise<ChannelEvent[]>;
}

interface Subscriber {
  org: string;
  service: string;
  /** Null until the start of a subscriber without a cursor is known. */
  cursor: number | null;
  listener: (event: ChannelEvent) => void;
  closed: boolean;
  /** A read is running; `again` asks for one more pass after it. */
  busy: boolean;
  again: boolean;
}

const batch = 256;
export const streamKey = (org: string, service: string): string => `${org}\u0000${service}`;

const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> =>
  typeof (value as { then?: unknown })?.then === 'function';

export class EventHub {
  readonly #source: EventSource;
  readonly #pollMs: number | null;
  readonly #subscribers = new Set<Subscriber>();
  #timer: ReturnType<typeof setInterval> | null = null;
  #polledId = 0;
  #closed = false;

  constructor(source: EventSource, pollMs: number | null) {
    this.#source = source;
    this.#pollMs = pollMs;
  }

  /** `after` is a parsed cursor; without one the subscriber starts at the newest stored event. */
  subscribe(query: EventQuery, after: number | null, listener: (event: ChannelEvent) => void): () => void {
    if (this.#closed) return () => {};
    const subscriber: Subscriber = {
      org: query.org,
      service: query.service,
      cursor: after,
      listener,
      closed: false,
      busy: false,
      again: false,
    };
    if (after === null) {
      const start = this.#startOf(subscriber);
      if (!isPromise(start)) subscriber.cursor = start;
      else {
        subscriber.busy = true; // wake-ups wait for the start
        this.#resume(subscriber, start);
      }
    }
    if (this.#subscribers.size === 0) this.#startPolling();
    this.#subscribers.add(subscriber);
    if (after !== null) queueMicrotask(() => this.#pump(subscriber)); // missed events first
    return () => {
      subscriber.closed = true;
      this.#subscribers.delete(subscriber);
      if (this.#subscribers.size === 0) this.#stopPolling();
    };
  }

  /** A write committed events to these streams (streamKey); null: to any stream (after a gap in notifications). */
  notify(keys: ReadonlySet<string> | null): void {
    if (keys?.size === 0 || this.#subscribers.size === 0) return;
    queueMicrotask(() => {
      for (const subscriber of this.#subscribers)
        if (!keys || keys.has(streamKey(subscriber.org, subscriber.service))) this.#pump(subscriber);
    });
  }

  close(): void {
    this.#closed = true;
    for (const subscriber of this.#subscribers) subscriber.closed = true;
    this.#subscribers.clear();
    this.#stopPolling();
  }

  #startOf(subscriber: Subscriber): MaybePromise<number> {
    return this.#source.startOf ? this.#source.startOf(subscriber) : this.#source.latestId();
  }

  #startPolling(): void {
    if (this.#pollMs === null) return;
    const latest = this.#source.latestId();
    if (isPromise(latest))
      void latest.then(
        (id) => (this.#polledId = id),
        () => {},
      );
    else this.#polledId = latest;
    this.#timer = setInterval(() => this.#poll(), this.#pollMs);
    this.#timer.unref?.();
  }

  #stopPolling(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #poll(): void {
    let latest: MaybePromise<number>;
    try {
      latest = this.#source.latestId();
    } catch {
      return; // busy or closing: the next tick tries again
    }
    const seen = (id: number) => {
      if (id === this.#polledId) return;
      this.#polledId = id;
      for (const subscriber of this.#subscribers) this.#pump(subscriber);
    };
    if (isPromise(latest)) void latest.then(seen, () => {});
    else seen(latest);
  }

  #pump(subscriber: Subscriber): void {
    if (subscriber.closed) return;
    if (subscriber.busy) {
      subscriber.again = true;
      return;
    }
    subscriber.busy = true;
    this.#run(subscriber);
  }

  /** Reads and delivers until the stream is drained; goes on when an asynchronous read answers. */
  #run(subscriber: Subscriber): void {
    const { org, service } = subscriber;
    try {
      while (!subscriber.closed) {
        if (subscriber.cursor === null) {
          const start = this.#startOf(subscriber);
          if (!isPromise(start)) {
            subscriber.cursor = start;
            continue;
          }
          this.#resume(subscriber, start);
          return;
        }
        const events = this.#source.read({ org, service, after: subscriber.cursor, limit: batch });
        if (isPromise(events)) {
          events.then(
            (got) => (this.#deliver(subscriber, got) ? this.#run(subscriber) : this.#idle(subscriber)),
            () => this.#idle(subscriber),
          );
          return;
        }
        if (!this.#deliver(subscriber, events)) break;
      }
    } catch {
      // the next poll, notification or write retries from the same cursor
    }
    this.#idle(subscriber);
  }

  /** Learns a start asynchronously, then reads on (a failed start is tried again on the next wake-up). */
  #resume(subscriber: Subscriber, start: Promise<number>): void {
    start.then(
      (id) => {
        subscriber.cursor ??= id;
        this.#run(subscriber);
      },
      () => this.#idle(subscriber),
    );
  }

  /** Hands the events over in order; true when a full batch came (more may follow). */
  #deliver(subscriber: Subscriber, events: readonly ChannelEvent[]): boolean {
    for (const event of events) {
      if (subscriber.closed) return false;
      subscriber.cursor = Number(event.id);
      try {
        subscriber.listener(event);
      } catch {
        // A failing listener must not stop the stream for itself or for the others.
      }
    }
    return events.length === batch;
  }

  #idle(subscriber: Subscriber): void {
    subscriber.busy = false;
    if (subscriber.again && !subscriber.closed) {
      subscriber.again = false;
      this.#pump(subscriber);
    }
  }
}
