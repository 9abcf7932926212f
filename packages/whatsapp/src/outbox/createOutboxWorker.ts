// The outbox worker (R16): claims replies from the durable outbox, paces them through one rate
// budget per number shared fairly between the channel's services (round robin), and sends each
// once (sendItem.ts). `tick()` is one deterministic pass for tests; `start()` runs passes on the
// injected clock; `stop()` stops claiming, drains what it holds, and waits for sends under way.
import { parseInput } from '@onenumber/core';
import { z } from 'zod';
import { createRateBudget, rateBudgetOptionsSchema, type RateBudget } from '../pacing/createRateBudget';
import { FairQueue } from '../pacing/fairQueue';
import { backoffSchema } from '../send/backoff';
import type { WhatsAppTransport } from '../send/transport';
import { systemClock, type Clock } from '../time/clock';
import type { Random } from '../time/random';
import type { ClaimedItem, FairOutboxStore } from './fairOutbox';
import { sendItem, type SendContext, type SendOutcome } from './sendItem';
import { newCounters, outcomeEvent, type OutboxWorkerCounters, type OutboxWorkerEvent } from './workerCounters';

const fn = <T>(what: string) => z.custom<T>((v) => typeof v === 'function', `${what} must be a function`);
const has =
  (...methods: string[]) =>
  (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    methods.every((m) => typeof (v as Record<string, unknown>)[m] === 'function');

export const outboxWorkerOptionsSchema = z
  .object({
    outbox: z.custom<FairOutboxStore>(has('claim', 'complete', 'fail'), 'outbox must implement OutboxStore'),
    /** The Graph client or the simulator. */
    client: z.custom<WhatsAppTransport>(has('sendText', 'sendTemplate'), 'client must be a WhatsApp transport'),
    /** Business number → phone_number_id; without it the client resolves the number itself. */
    resolvePhoneNumberId:
      fn<(number: string) => string | null | Promise<string | null>>('resolvePhoneNumberId').optional(),
    /** The customer's last inbound time, for the 24-hour window (see lastInboundFromStorage). */
    lastInboundAt: fn<(item: ClaimedItem) => Promise<string | null>>('lastInboundAt').optional(),
    budget: z.union([z.custom<RateBudget>(has('take', 'nextAt')), rateBudgetOptionsSchema]).optional(),
    /** This worker's id, for leases. */
    worker: z
      .string()
      .min(1)
      .max(128)
      .default(() => `whatsapp-${Math.random().toString(36).slice(2, 10)}`),
    clock: z.custom<Clock>(has('now', 'sleep'), 'clock needs now() and sleep()').optional(),
    random: fn<Random>('random').optional(),
    /** A claim is this worker's for this long; items not started within half of it are let go. */
    leaseMs: z.number().int().min(1000).max(3_600_000).default(60_000),
    /** Items held at once (claimed, queued for their turn). */
    lookahead: z.number().int().min(1).max(10_000).default(500),
    /** With an outbox that has claimFair: at most this many per (number, service) per claim. */
    perService: z.number().int().min(1).max(10_000).optional(),
    maxInFlight: z.number().int().min(1).max(10_000).default(64),
    /** Longest sleep between passes when idle. */
    pollMs: z.number().int().min(1).max(600_000).default(1000),
    /** Attempts per item (claims), then it fails for good. */
    maxAttempts: z.number().int().min(1).max(100).default(8),
    backoff: backoffSchema.default({ baseMs: 2000, maxMs: 600_000 }),
    onEvent: fn<(event: OutboxWorkerEvent) => void>('onEvent').optional(),
  })
  .strict();

export type OutboxWorkerOptions = z.input<typeof outboxWorkerOptionsSchema>;

export interface TickResult {
  claimed: number;
  dispatched: number;
  /** Items held, waiting for their turn in the budget. */
  queued: number;
  /** When the next pass has something to do (ms since the epoch). */
  nextWakeAt: number;
}

interface Held {
  item: ClaimedItem;
  leaseUntil: number;
}

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const o = parseInput(outboxWorkerOptionsSchema, options, 'options');
  const clock = o.clock ?? systemClock;
  const budget: RateBudget =
    o.budget && 'take' in o.budget ? (o.budget as RateBudget) : createRateBudget(o.budget ?? {}, clock);
  const perService = o.perService ?? Math.max(1, Math.floor(o.lookahead / 4));
  const ctx: SendContext = {
    outbox: o.outbox,
    transport: o.client,
    clock,
    random: o.random ?? Math.random,
    backoff: o.backoff,
    maxAttempts: o.maxAttempts,
    resolvePhoneNumberId: o.resolvePhoneNumberId,
    lastInboundAt: o.lastInboundAt,
  };
  const tally = newCounters();
  const counters = tally.values;
  const queues = new Map<string, FairQueue<Held>>();
  const known = new Set<string>();
  const letGo = new Set<string>(); // items we released unsent: claiming them again is no repeat
  const retrying = new Set<string>(); // items we scheduled a retry for (when the store has no `reclaimed`)
  const inFlight = new Set<Promise<void>>();
  let held = 0;
  let paused: 'auth' | null = null;
  let running = false;
  let claiming = true;
  let loop: Promise<void> | null = null;
  let wakeup = new AbortController();
  let drainUntil = 0;

  /** Remembers an id in a bounded set (items another worker took are never seen again). */
  const remember = (set: Set<string>, id: string) => {
    set.add(id);
    if (set.size > 10_000) set.delete(set.values().next().value!);
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
    const room = o.lookahead - held - inFlight.size;
    if (!claiming || paused || room <= 0) return 0;
    const claim = { limit: room, leaseMs: o.leaseMs, worker: o.worker, now: new Date(now).toISOString() };
    const items = o.outbox.claimFair ? await o.outbox.claimFair({ ...claim, perService }) : await o.outbox.claim(claim);
    let added = 0;
    for (const item of items) {
      if (known.has(item.id)) continue;
      known.add(item.id);
      counters.claimed++;
      if (isRepeat(item)) {
        counters.repeatsSuspected++;
        emit({ type: 'repeat-suspected', id: item.id, service: item.service, attempts: item.attempts });
      }
      retrying.delete(item.id);
      let queue = queues.get(item.number);
      if (!queue) queues.set(item.number, (queue = new FairQueue<Held>()));
      queue.push(item.service, { item, leaseUntil: now + o.leaseMs });
      held++;
      added++;
    }
    return added;
  }

  function releaseLapsing(now: number) {
    for (const queue of queues.values()) {
      for (const { item } of queue.removeWhere((h) => now >= h.leaseUntil - o.leaseMs / 2)) {
        held--;
        known.delete(item.id);
        remember(letGo, item.id);
        counters.leaseLapsed++;
        emit({ type: 'released', id: item.id, service: item.service });
      }
    }
  }

  function record(item: ClaimedItem, outcome: SendOutcome) {
    if (outcome.kind === 'retry') remember(retrying, item.id);
    if (outcome.kind === 'failed' && outcome.auth) paused = 'auth';
    tally.apply(outcome);
    emit(outcomeEvent(item, outcome));
    if (paused === 'auth' && outcome.kind === 'failed' && outcome.auth) emit({ type: 'paused', reason: 'auth' });
  }

  function run(item: ClaimedItem): Promise<void> {
    const wasFull = inFlight.size + 1 >= o.maxInFlight;
    const task: Promise<void> = sendItem(ctx, item)
      .then(
        (outcome) => record(item, outcome),
        () => {
          counters.recordErrors++;
          emit({ type: 'record-error', id: item.id, service: item.service });
        },
      )
      .finally(() => {
        inFlight.delete(task);
        known.delete(item.id);
        if (wasFull) wakeup.abort();
      });
    inFlight.add(task);
    return task;
  }

  function dispatch(): Promise<void>[] {
    const started: Promise<void>[] = [];
    for (const [number, queue] of queues) {
      while (!paused && queue.size > 0 && inFlight.size < o.maxInFlight && budget.take(number, queue.size)) {
        const next = queue.next()!;
        held--;
        started.push(run(next.item));
      }
      if (queue.size === 0) queues.delete(number);
    }
    return started;
  }

  function nextWakeAt(now: number): number {
    let at = now + o.pollMs;
    if (paused || inFlight.size >= o.maxInFlight) return at;
    for (const [number, queue] of queues) if (queue.size > 0) at = Math.min(at, budget.nextAt(number));
    return at;
  }

  async function step(): Promise<{ claimed: number; started: Promise<void>[] }> {
    const now = clock.now();
    releaseLapsing(now);
    const claimed = await fill(now);
    return { claimed, started: dispatch() };
  }

  async function runLoop() {
    while (running || (held > 0 && !paused && clock.now() < drainUntil)) {
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
    /** Why sending is paused (a 190 token error), or null. */
    get paused() {
      return paused;
    },
    /** Items held per number and service, waiting for the budget. */
    queued: () => Object.fromEntries([...queues].map(([number, queue]) => [number, queue.sizes()])),
    /** One pass: release lapsing leases, claim, send what the budget allows now, await those sends. */
    async tick(): Promise<TickResult> {
      const { claimed, started } = await step();
      await Promise.all(started);
      return { claimed, dispatched: started.length, queued: held, nextWakeAt: nextWakeAt(clock.now()) };
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
    /** Resumes after a token error, once WHATSAPP_ACCESS_TOKEN was refreshed. */
    resume() {
      paused = null;
      claiming = true;
      wakeup.abort();
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
