// The outbox worker (R16, R38; Meta's Cloud API docs, "Throughput", "Pair rate limits"): claims
// replies from the durable outbox, paces them through one rate budget per number shared fairly
// between the channel's services (round robin) and through each customer's own pacing (about one
// message per 6 s, a small burst: the pair limit), and sends each once (sendItem.ts). A reply
// refused for an account reason pauses the worker and stays queued in its place; after `resume`
// it goes out first. `tick()` is one deterministic pass for tests; `start()` runs passes on the
// injected clock; `stop()` stops claiming, drains what it holds, and waits for sends under way.
import { parseInput } from '@onenumber/core/schemas';
import { CustomerPacer } from '../pacing/customerPacer';
import { SharedCustomerPacer } from '../pacing/sharedCustomerPacer';
import { createRateBudget, type RateBudget } from '../pacing/createRateBudget';
import { systemClock } from '../time/clock';
import type { ClaimedItem } from './fairOutbox';
import { Holding, pairOf } from './holding';
import { sendItem, type RetryNote, type SendContext, type SendOutcome } from './sendItem';
import {
  newCounters,
  outcomeEvent,
  type LimitCounters,
  type OutboxWorkerCounters,
  type OutboxWorkerEvent,
} from './workerCounters';
import { outboxWorkerOptionsSchema, type OutboxWorkerOptions } from './workerOptions';

export { outboxWorkerOptionsSchema, type OutboxWorkerOptions } from './workerOptions';

export interface TickResult {
  claimed: number;
  dispatched: number;
  /** Items held, waiting for their turn in the budget or their customer's pacing. */
  queued: number;
  /** When the next pass has something to do (ms since the epoch). */
  nextWakeAt: number;
}

/** Ids remembered at once (items another worker took are never seen again). */
const remembered = 10_000;

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const o = parseInput(outboxWorkerOptionsSchema, options, 'options');
  const clock = o.clock ?? systemClock;
  const budget: RateBudget =
    o.budget && 'take' in o.budget ? (o.budget as RateBudget) : createRateBudget(o.budget ?? {}, clock);
  const perService = o.perService ?? Math.max(1, Math.floor(o.lookahead / 4));
  const notes = new Map<string, RetryNote>();
  const ctx: SendContext = {
    outbox: o.outbox,
    transport: o.client,
    clock,
    random: o.random ?? Math.random,
    backoff: o.backoff,
    maxAttempts: o.maxAttempts,
    resolvePhoneNumberId: o.resolvePhoneNumberId,
    lastInboundAt: o.lastInboundAt,
    notes,
  };
  const tally = newCounters();
  const counters = tally.values;
  const limits: LimitCounters = { pairRate: 0, throughput: 0, otherRateLimits: 0, held: 0 };
  // Shared by replicas when a store is given (and pacing is on); else this process paces alone.
  const holding = new Holding(
    o.pairPacing && o.perCustomer
      ? new SharedCustomerPacer(o.perCustomer, o.pairPacing, clock)
      : new CustomerPacer(o.perCustomer),
  );
  const known = new Set<string>();
  const letGo = new Set<string>(); // items we released unsent: claiming them again is no repeat
  const retrying = new Set<string>(); // items we scheduled a retry for (when the store has no `reclaimed`)
  const inFlight = new Set<Promise<void>>();
  const sending = new Set<string>(); // ids whose send is under way
  const returned = new Map<string, { item: ClaimedItem; leaseUntil: number }>(); // claimed again meanwhile
  let paused: 'auth' | null = null;
  let pauseCode: number | string | null = null;
  let running = false;
  let claiming = true;
  let loop: Promise<void> | null = null;
  let wakeup = new AbortController();
  let drainUntil = 0;

  /** Remembers a key in a bounded map or set, oldest forgotten first. */
  const remember = (set: Set<string>, id: string) => {
    set.add(id);
    if (set.size > remembered) set.delete(set.values().next().value!);
  };
  const emit = (event: OutboxWorkerEvent) => {
    try {
      o.onEvent?.(event);
    } catch {
      /* a listener never stops the worker */
    }
  };

  function isRepeat(item: ClaimedItem): boolean {
    if (letGo.delete(item.id)) return false;
    if (item.reclaimed !== undefined) return item.reclaimed;
    return item.attempts > 1 && !retrying.has(item.id); // without `reclaimed`, a suspicion may over-count
  }

  async function fill(now: number): Promise<number> {
    const room = o.lookahead - holding.size - inFlight.size;
    if (!claiming || paused || room <= 0) return 0;
    const claim = { limit: room, leaseMs: o.leaseMs, worker: o.worker, now: new Date(now).toISOString() };
    const items = o.outbox.claimFair ? await o.outbox.claimFair({ ...claim, perService }) : await o.outbox.claim(claim);
    let added = 0;
    for (const item of items) {
      if (!known.has(item.id)) {
        accept(item, now + o.leaseMs);
        added++;
      } else if (sending.has(item.id)) {
        // Its outcome (a retry, or R38's hold) was written before this claim and is not recorded
        // here yet: the lease is ours now, so it goes back in its place when the send ends, never
        // stranded behind that lease while later replies of its conversation go first.
        returned.set(item.id, { item, leaseUntil: now + o.leaseMs });
      }
    }
    return added;
  }

  function accept(item: ClaimedItem, leaseUntil: number) {
    known.add(item.id);
    counters.claimed++;
    if (isRepeat(item)) {
      counters.repeatsSuspected++;
      emit({ type: 'repeat-suspected', id: item.id, service: item.service, attempts: item.attempts });
    }
    retrying.delete(item.id);
    holding.add(item, leaseUntil);
  }

  function releaseLapsing(now: number) {
    for (const { item } of holding.release((h) => now >= h.leaseUntil - o.leaseMs / 2)) {
      known.delete(item.id);
      remember(letGo, item.id);
      counters.leaseLapsed++;
      emit({ type: 'released', id: item.id, service: item.service });
    }
  }

  function record(item: ClaimedItem, outcome: SendOutcome) {
    if (outcome.kind === 'retry' || outcome.kind === 'held') remember(retrying, item.id);
    else holding.forget(item.id);
    if (notes.size > remembered) notes.delete(notes.keys().next().value!);
    if (outcome.kind === 'retry' && outcome.limit) {
      const until = Date.parse(outcome.retryAt);
      if (outcome.limit === 'pair') holding.pacer.hold(pairOf(item), until); // later replies to them wait too
      if (outcome.limit === 'throughput') holding.holdNumber(item.number, until);
      limits[
        outcome.limit === 'pair' ? 'pairRate' : outcome.limit === 'throughput' ? 'throughput' : 'otherRateLimits'
      ]++;
    }
    const pausing = outcome.kind === 'held' && paused === null;
    if (outcome.kind === 'held') {
      limits.held++;
      paused = 'auth';
      pauseCode = outcome.code;
    }
    tally.apply(outcome);
    emit(outcomeEvent(item, outcome));
    if (pausing) emit({ type: 'paused', reason: 'auth', code: outcome.code });
  }

  function run(item: ClaimedItem): Promise<void> {
    const wasFull = inFlight.size + 1 >= o.maxInFlight;
    let again = false; // a retry or a hold: the item is still queued
    sending.add(item.id);
    const task: Promise<void> = sendItem(ctx, item)
      .then(
        (outcome) => {
          again = outcome.kind === 'retry' || outcome.kind === 'held';
          record(item, outcome);
        },
        () => {
          counters.recordErrors++;
          emit({ type: 'record-error', id: item.id, service: item.service });
        },
      )
      .finally(() => {
        inFlight.delete(task);
        known.delete(item.id);
        sending.delete(item.id);
        const back = returned.get(item.id);
        returned.delete(item.id);
        if (back && again) accept(back.item, back.leaseUntil);
        const more = holding.finish(item); // its customer's next reply may go now
        if (wasFull || more) wakeup.abort();
      });
    inFlight.add(task);
    return task;
  }

  function dispatch(now: number): Promise<void>[] {
    const started: Promise<void>[] = [];
    for (const number of holding.numbers()) {
      while (!paused && inFlight.size < o.maxInFlight) {
        const next = holding.peek(number, now);
        if (!next || !budget.take(number, holding.sizeOf(number))) break;
        started.push(run(holding.start(next, now)));
      }
    }
    return started;
  }

  function nextWakeAt(now: number): number {
    let at = now + o.pollMs;
    if (paused || inFlight.size >= o.maxInFlight) return at;
    for (const number of holding.numbers()) {
      const ready = holding.wakeAt(number, now); // null: every customer it holds has a send under way
      if (ready !== null) at = Math.min(at, Math.max(ready, budget.nextAt(number)));
    }
    return at;
  }

  async function step(): Promise<{ claimed: number; started: Promise<void>[] }> {
    const now = clock.now();
    releaseLapsing(now);
    const claimed = await fill(now);
    return { claimed, started: dispatch(now) };
  }

  async function runLoop() {
    while (running || (holding.size > 0 && !paused && clock.now() < drainUntil)) {
      try {
        await step();
      } catch {
        counters.claimErrors++;
        emit({ type: 'claim-error' });
      }
      const delay = Math.max(0, nextWakeAt(clock.now()) - clock.now());
      const signal = wakeup.signal;
      await (delay > 0 ? clock.sleep(delay, signal) : new Promise<void>((resolve) => setImmediate(resolve)));
      if (signal.aborted) wakeup = new AbortController();
    }
  }

  return {
    worker: o.worker,
    /** A snapshot of the counters: claimed, sent, retried, failed, windowClosed, repeatsSuspected, ... */
    get counters(): OutboxWorkerCounters {
      return { ...counters };
    },
    /** How often WhatsApp's limits (131056, 130429, ...) and account refusals held replies back. */
    get limits(): LimitCounters {
      return { ...limits };
    },
    /** Why sending is paused: `auth` after an account refusal (R38: 190, 131031, 131042, 368), or null. */
    get paused() {
      return paused;
    },
    /** The Graph code that paused sending (190, 131031, 131042 or 368), or null. */
    get pauseCode() {
      return pauseCode;
    },
    /** Items held per number and service, waiting for the budget or their customer's pacing. */
    queued: () => holding.sizes(),
    /** One pass: release lapsing leases, claim, send what the budgets allow now, await those sends. */
    async tick(): Promise<TickResult> {
      const { claimed, started } = await step();
      await Promise.all(started);
      return { claimed, dispatched: started.length, queued: holding.size, nextWakeAt: nextWakeAt(clock.now()) };
    },
    start() {
      if (running) return;
      running = true;
      claiming = true;
      loop = runLoop();
    },
    /** Stops claiming, keeps sending what it holds for up to `drainMs`, then waits for sends under way. */
    async stop(stopOptions: { drainMs?: number } = {}) {
      running = false;
      claiming = false;
      drainUntil = clock.now() + Math.max(0, stopOptions.drainMs ?? 5000);
      wakeup.abort();
      await loop;
      loop = null;
      await Promise.allSettled([...inFlight]);
    },
    /** Resumes after an account refusal (a refreshed token, the account fixed): held replies go first. */
    resume() {
      paused = null;
      pauseCode = null;
      claiming = true;
      wakeup.abort();
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
