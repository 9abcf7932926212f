// R34: the delivery worker of one process. It leases due deliveries from the durable queue (each
// the first of its lane, so a conversation's events go one after another and a failing one holds
// back only its own conversation), runs their attempts concurrently within the limits, and looks
// again when an attempt ends, when events are written (wake-ups, see wakeups.ts), when a retry it
// scheduled falls due, and every pollMs anyway (other replicas' retries, lapsed leases). Several
// processes may each run one: the queue's claims never hand one delivery to two of them.
import { randomBytes } from 'node:crypto';
import type { PushClaim, PushStore } from '../db/common/pushTypes';
import { attempt } from './attempt';
import { newCounters, type PushCounters } from './counters';
import type { PushLogger, ResolvedPushOptions } from './pushOptions';

export interface PushWorker {
  readonly id: string;
  readonly running: boolean;
  readonly inFlight: number;
  readonly counters: PushCounters;
  start(): void;
  /** Stops claiming; waits up to drainMs for attempts under way (an unfinished one's lease lapses: it is tried again). */
  stop(options?: { drainMs?: number }): Promise<void>;
  /** Looks at the queue soon (events were written, a subscription resumed). */
  wake(): void;
}

const pruneEveryMs = 60_000;
/** Wake-ups come with every write; claims run at most this often for them (each takes every free slot). */
const wakeGapMs = 10;

export function createPushWorker(store: PushStore, options: ResolvedPushOptions, log: PushLogger): PushWorker {
  const id = `push-${process.pid}-${randomBytes(4).toString('hex')}`;
  const counters = newCounters();
  const flying = new Set<Promise<void>>();
  let running = false;
  let claiming = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = Number.POSITIVE_INFINITY;
  let lastPrune = 0;
  let lastPass = 0;

  const context = {
    ...{ store, options, worker: id, counters, log, dueAt: schedule },
    chaining: () => running,
    checked: new Map(),
  };

  /** One lane's deliveries, one after another, for as long as each succeeds and the next is due. */
  async function lane(first: PushClaim): Promise<void> {
    for (let claim: PushClaim | null = first; claim; claim = await attempt(claim, context)) {
      counters.claimed++;
      if (claim.reclaimed) counters.reclaimed++;
    }
  }

  /** Runs a pass at `at` (ms), unless one is due sooner. */
  function schedule(at: number): void {
    if (!running || at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = null;
        timerAt = Number.POSITIVE_INFINITY;
        void pass();
      },
      Math.max(0, at - Date.now()),
    );
    timer.unref?.();
  }

  async function pass(): Promise<void> {
    if (!running) return;
    if (claiming) {
      again = true;
      return;
    }
    claiming = true;
    again = false;
    lastPass = Date.now();
    let full = false;
    try {
      const free = options.maxInFlight - flying.size;
      if (free > 0) {
        const claims = await store.claim({
          now: Date.now(),
          limit: free,
          worker: id,
          leaseMs: options.timeoutMs + options.leaseMarginMs,
          perSubscription: options.concurrency,
        });
        full = claims.length === free;
        for (const claim of claims) {
          const run = lane(claim)
            .catch(() => {}) // the database failed to record it: the lease lapses and it is tried again
            .finally(() => {
              flying.delete(run);
              wake();
            });
          flying.add(run);
        }
      }
      if (Date.now() - lastPrune > pruneEveryMs) {
        lastPrune = Date.now();
        await store.prune(Date.now() - options.keepDeliveredMs).catch(() => {});
      }
    } catch {
      // the database did not answer: the next poll tries again
    } finally {
      claiming = false;
    }
    if (again || full) wake();
    schedule(Date.now() + options.pollMs);
  }

  function wake(): void {
    if (!running) return;
    if (claiming) {
      again = true;
      return;
    }
    schedule(Math.max(Date.now(), lastPass + wakeGapMs));
  }

  return {
    id,
    get running() {
      return running;
    },
    get inFlight() {
      return flying.size;
    },
    counters,
    start() {
      if (running) return;
      running = true;
      lastPrune = Date.now();
      schedule(Date.now());
    },
    async stop({ drainMs = 5_000 } = {}) {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      timerAt = Number.POSITIVE_INFINITY;
      if (!flying.size) return;
      let wait: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...flying]),
        new Promise((resolve) => {
          wait = setTimeout(resolve, drainMs);
        }),
      ]);
      clearTimeout(wait);
    },
    wake,
  };
}
