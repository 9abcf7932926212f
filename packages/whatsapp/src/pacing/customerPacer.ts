// Pacing per customer (Meta's Cloud API docs, "Pair rate limits"): one business number may send
// one customer about one message every 6 seconds; going faster is refused with 131056. Each
// (number, customer) pair gets its own allowance, kept as a generic cell rate algorithm in whole
// milliseconds: a send may start when `now >= tat - (burst - 1) * intervalMs`, and each send moves
// the theoretical arrival time `tat` on by `intervalMs`. So `burst` sends go at once, then one per
// `intervalMs`; a quiet pair earns its burst back. A pair WhatsApp refused with 131056 can also be
// held until a time (the documented wait). Other pairs are never held back by one.
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';

export const perCustomerSchema = z.union([
  z.literal(false),
  z
    .object({
      /** One message per this many ms to one customer (default 6,000: Meta's pair rate). */
      intervalMs: z.number().int().min(1).max(3_600_000).default(6000),
      /** Messages that may go at once to a customer who was quiet (default 3; Meta tolerates bursts up to about 45). */
      burst: z.number().int().min(1).max(100).default(3),
    })
    .strict(),
]);

export type PerCustomerOptions = z.input<typeof perCustomerSchema>;

/** How many pairs are remembered before idle ones are forgotten (they have their whole burst back). */
const sweepAbove = 10_000;

/** What the worker asks of a pacer per (number, customer) pair: this process's, or one shared by replicas. */
export interface PairPacer {
  /** When the pair's next send may start (ms since the epoch); at or before `now` means now. */
  readyAt(key: string, now: number): number;
  /** Records a send to the pair starting now. */
  take(key: string, now: number): void;
  /** Holds the pair until `until` (after a 131056, the documented wait). */
  hold(key: string, until: number): void;
}

export class CustomerPacer implements PairPacer {
  private readonly tat = new Map<string, number>();
  private readonly holds = new Map<string, number>();

  /** `pacing: false` paces nothing (holds still apply). */
  constructor(private readonly pacing: { intervalMs: number; burst: number } | false) {}

  /** When the pair's next send may start (ms since the epoch); at or before `now` means now. */
  readyAt(key: string, now: number): number {
    const hold = this.holds.get(key) ?? now;
    if (!this.pacing) return Math.max(now, hold);
    const tat = this.tat.get(key) ?? now;
    return Math.max(now, hold, tat - (this.pacing.burst - 1) * this.pacing.intervalMs);
  }

  /** Records a send to the pair starting now. */
  take(key: string, now: number): void {
    if (this.pacing) this.tat.set(key, Math.max(this.tat.get(key) ?? now, now) + this.pacing.intervalMs);
    if (this.tat.size + this.holds.size > sweepAbove) this.sweep(now);
  }

  /** Holds the pair until `until` (after a 131056, the documented wait). */
  hold(key: string, until: number): void {
    this.holds.set(key, Math.max(this.holds.get(key) ?? 0, until));
  }

  /** Pairs remembered (for tests and reports). */
  get size(): number {
    return new Set([...this.tat.keys(), ...this.holds.keys()]).size;
  }

  private sweep(now: number) {
    for (const [key, tat] of this.tat) if (tat <= now) this.tat.delete(key);
    for (const [key, until] of this.holds) if (until <= now) this.holds.delete(key);
  }
}

export const createCustomerPacer = (options: PerCustomerOptions = {}) =>
  new CustomerPacer(parseInput(perCustomerSchema, options, 'perCustomer'));
