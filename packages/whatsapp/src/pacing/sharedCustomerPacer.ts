// Pacing per customer shared by several replicas (Meta's Cloud API docs, "Pair rate limits"): the
// pair limit is the (number, customer) pair's, not a process's. The allowance lives in a store the
// replicas share (the same cell rate algorithm as customerPacer.ts, one row per pair, decided in
// one atomic write); a replica asks for one send of a pair when it has a reply of that pair ready,
// spends the grant at once, and lets a grant it did not spend lapse `sliceMs` after the time it was
// counted at (a lapsed grant is a send not made: the pair is paced more, never less; a send starts
// at most `sliceMs` after the time it was counted at). Time is the worker's clock, passed to
// the store, so replicas whose clocks agree (NTP) share one allowance.
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import { systemClock, type Clock } from '../time/clock';
import type { PairPacer } from './customerPacer';

/** The shared side: one send of the pair now, or when its next send may start. */
export interface PairPacingStore {
  reserve(input: {
    number: string;
    customer: string;
    /** ms since the epoch. */
    now: number;
    intervalMs: number;
    burst: number;
  }): Promise<{ granted: boolean; readyAt: number }>;
}

const sharedPacingSchema = z
  .object({
    intervalMs: z.number().int().min(1).max(3_600_000),
    burst: z.number().int().min(1).max(100),
    /** A grant lapses this long after the time it was counted at (default 250 ms). */
    sliceMs: z.number().int().min(1).max(60_000).default(250),
    /** How long to wait before asking again after the store failed (default 500 ms). */
    errorRetryMs: z.number().int().min(1).max(60_000).default(500),
  })
  .strict();

/** While a reservation is under way, look again this soon. */
const askingMs = 2;

export class SharedCustomerPacer implements PairPacer {
  private readonly grants = new Map<string, number>();
  private readonly asking = new Set<string>();
  private readonly notBefore = new Map<string, number>();
  private readonly holds = new Map<string, number>();
  private readonly o: z.output<typeof sharedPacingSchema>;
  errors = 0;

  constructor(
    options: z.input<typeof sharedPacingSchema>,
    private readonly store: PairPacingStore,
    private readonly clock: Clock = systemClock,
  ) {
    this.o = parseInput(sharedPacingSchema, options, 'perCustomer');
  }

  readyAt(key: string, now: number): number {
    const hold = this.holds.get(key) ?? 0;
    if (hold > now) return hold;
    if (hold) this.holds.delete(key);
    if ((this.grants.get(key) ?? 0) > now) return now;
    this.grants.delete(key);
    if (this.asking.has(key)) return now + askingMs;
    const next = this.notBefore.get(key) ?? 0;
    if (next > now) return next;
    this.notBefore.delete(key);
    this.ask(key, now);
    return now + askingMs;
  }

  take(key: string): void {
    this.grants.delete(key);
  }

  hold(key: string, until: number): void {
    this.holds.set(key, Math.max(this.holds.get(key) ?? 0, until));
  }

  private ask(key: string, now: number) {
    const [number, customer] = key.split('\u0000') as [string, string];
    this.asking.add(key);
    this.store
      .reserve({ number, customer, now, intervalMs: this.o.intervalMs, burst: this.o.burst })
      .then(
        ({ granted, readyAt }) => {
          // Counted at `now`: the send must start within sliceMs of it, however late the answer came.
          if (granted) this.grants.set(key, now + this.o.sliceMs);
          else this.notBefore.set(key, readyAt);
        },
        () => {
          this.errors++;
          this.notBefore.set(key, this.clock.now() + this.o.errorRetryMs);
        },
      )
      .finally(() => this.asking.delete(key));
  }
}

/** The store in one process (tests, and to see the shared pacing without a database). */
export function createMemoryPairPacing(): PairPacingStore {
  const tat = new Map<string, number>();
  return {
    async reserve({ number, customer, now, intervalMs, burst }) {
      const key = `${number}\u0000${customer}`;
      const at = tat.get(key) ?? now;
      if (at - now > (burst - 1) * intervalMs) return { granted: false, readyAt: at - (burst - 1) * intervalMs };
      tat.set(key, Math.max(at, now) + intervalMs);
      return { granted: true, readyAt: now };
    },
  };
}
