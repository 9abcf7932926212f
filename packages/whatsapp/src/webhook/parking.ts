// R29: nothing parked is lost. A signed, well-formed delivery whose messages name a number no org
// owns yet (its phone_number_id not registered, or registered and never connected) is kept as its
// raw bytes, in arrival order, and acknowledged. Once the number is registered and connected, a
// release (or the number's next delivery, which waits for it) replays its parked deliveries in
// arrival order through the same ingest, deduplicated on the wamid (R15), before that delivery.
// Parked deliveries expire after `ttlMs` (counted); past `maxBytes` in all, parking refuses (the
// webhook answers 503 and WhatsApp retries). Where the bytes are kept is the store's business.
import type { WebhookBatch } from './normaliseWebhook';
import type { ParkedCounts } from './webhookCounters';

/** One parked delivery: the bytes as they were signed, for one phone_number_id. */
export interface ParkedDelivery {
  /** Arrival order (increasing). */
  seq: number;
  phoneNumberId: string;
  body: Uint8Array;
}

/** Where parked deliveries are kept (the server: its database). */
export interface ParkedStore {
  /** Keeps the bytes unless the total kept would pass `maxBytes`; false when full. */
  park(input: { phoneNumberId: string; body: Uint8Array; at: number; maxBytes: number }): Promise<boolean>;
  /** The phone_number_ids that have parked deliveries. */
  phoneNumberIds(): Promise<string[]>;
  /** The oldest parked deliveries of a phone_number_id, in arrival order. */
  oldest(phoneNumberId: string, limit: number): Promise<ParkedDelivery[]>;
  remove(seq: number): Promise<void>;
  /** Removes what arrived before `before` (ms since the epoch); answers how many. */
  expire(before: number): Promise<number>;
}

export interface ParkingOptions {
  store: ParkedStore;
  /** How long a parked delivery waits for its number (default 7 days, WhatsApp's own retry horizon). */
  ttlMs: number;
  /** The most bytes kept in all; past it the webhook answers 503. */
  maxBytes: number;
  now: () => number;
}

/** Replays one parked delivery's batch for one phone_number_id; answers whether that number is still unowned. */
export type Replay = (batch: WebhookBatch) => Promise<boolean>;

export const parkingDefaults = { ttlMs: 7 * 24 * 3600 * 1000, maxBytes: 256 * 1024 * 1024 } as const;

/** The part of a batch that arrived for one phone_number_id (a delivery may name several). */
export const batchFor = (batch: WebhookBatch, phoneNumberId: string): WebhookBatch => ({
  messages: batch.messages.filter((m) => m.phoneNumberId === phoneNumberId),
  statuses: batch.statuses.filter((s) => s.phoneNumberId === phoneNumberId),
  errors: [],
  other: [],
});

export const phoneNumberIdsOf = (batch: WebhookBatch): string[] => [
  ...new Set([...batch.messages, ...batch.statuses].map((x) => x.phoneNumberId)),
];

export function createParking(
  options: ParkingOptions,
  counters: ParkedCounts,
  decode: (body: Uint8Array) => WebhookBatch,
) {
  const { store, ttlMs, maxBytes, now } = options;
  /** phone_number_ids with parked deliveries as far as this process knows: their deliveries wait for a release. */
  const waiting = new Set<string>();
  const locks = new Map<string, Promise<unknown>>();
  let known: Promise<void> | null = null;

  /** One thing at a time per phone_number_id, in call order (releases and that number's deliveries). */
  function serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (locks.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    locks.set(key, tail);
    void tail.then(() => locks.get(key) === tail && locks.delete(key));
    return run;
  }

  async function expire() {
    counters.expired += await store.expire(now() - ttlMs);
  }

  /** Replays the number's parked deliveries in order until none is left or the number is still unowned. */
  async function drain(phoneNumberId: string, replay: Replay): Promise<void> {
    for (;;) {
      const next = await store.oldest(phoneNumberId, 16);
      if (!next.length) return void waiting.delete(phoneNumberId);
      for (const parked of next) {
        if (await replay(batchFor(decode(parked.body), phoneNumberId))) return;
        await store.remove(parked.seq);
        counters.routed++;
      }
    }
  }

  async function learn() {
    known ??= store.phoneNumberIds().then((ids) => {
      for (const id of ids) waiting.add(id);
    });
    await known;
  }

  /** Parks the bytes for one phone_number_id (its turn held by the caller); false when full. */
  async function parkOne(phoneNumberId: string, body: Uint8Array): Promise<boolean> {
    waiting.add(phoneNumberId);
    if (!(await store.park({ phoneNumberId, body, at: now(), maxBytes }))) {
      counters.full++;
      return false;
    }
    counters.parked++;
    return true;
  }

  /** Runs `work` holding the turn of every id (taken in sorted order), each drained first. */
  function afterParked<T>(ids: readonly string[], replay: Replay, work: () => Promise<T>): Promise<T> {
    const [first, ...rest] = [...ids].sort();
    if (first === undefined) return work();
    return serial(first, async () => {
      if (waiting.has(first)) await drain(first, replay);
      return afterParked(rest, replay, work);
    });
  }

  return {
    /** Whether a delivery naming these numbers must wait for parked deliveries first. */
    async mustWait(ids: readonly string[]): Promise<boolean> {
      await learn();
      return ids.some((id) => waiting.has(id));
    },
    afterParked,
    /** Parks, holding the turn of each id already (inside afterParked's work). */
    async parkHeld(ids: readonly string[], body: Uint8Array): Promise<boolean> {
      await expire();
      for (const id of ids) if (!(await parkOne(id, body))) return false;
      return true;
    },
    /**
     * Parks, taking each id's turn, then tries a release of it at once: its number may have been
     * connected while this delivery was being ingested (no release would find it otherwise).
     */
    async park(ids: readonly string[], body: Uint8Array, replay: Replay): Promise<boolean> {
      await expire();
      for (const id of ids) {
        const parked = await serial(id, async () => {
          if (!(await parkOne(id, body))) return false;
          await drain(id, replay);
          return true;
        });
        if (!parked) return false;
      }
      return true;
    },
    /** Expires, then replays every number's parked deliveries whose number is owned now. */
    async release(replay: Replay): Promise<void> {
      await expire();
      for (const id of await store.phoneNumberIds()) {
        waiting.add(id);
        await serial(id, () => drain(id, replay));
      }
    },
  };
}

export type Parking = ReturnType<typeof createParking>;
