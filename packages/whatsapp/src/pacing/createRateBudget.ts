// One rate budget per business number (Meta's Cloud API docs, "Throughput"): 80 messages/s by
// default, up to 1,000 after an upgrade, about 20 for a coexistence number. Every service of
// the channel draws on the one budget of its number; the worker's fair queue shares it.
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import { systemClock, type Clock } from '../time/clock';
import { TokenBucket } from './tokenBucket';

const rateSchema = z.number().int().min(1).max(1000, 'WhatsApp allows at most 1,000 messages/s per number');

export const rateBudgetOptionsSchema = z
  .object({
    /** Messages per second per number (default 80). */
    rate: rateSchema.default(80),
    /** Per-number overrides, keyed by business number (E.164) or phone_number_id. */
    rates: z.record(z.string(), rateSchema).default({}),
    /**
     * Tokens that may accumulate while a number is idle. Default: one per 50 messages/s of the
     * number's rate (1 at 80/s: sends evenly spaced, never more than `rate` in any second; 20 at
     * 1,000/s, which absorbs timer lateness: about 1,000/s measured on real timers, against about
     * 700/s with 1; at 80/s with 1, about 76/s). At
     * most `rate + burst - 1` sends start in the second after an idle spell.
     */
    burst: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export type RateBudgetOptions = z.input<typeof rateBudgetOptionsSchema>;

export interface RateBudget {
  /** Takes one send from the number's budget if it has one now (`waiting`: how many are queued for it, a hint). */
  take(number: string, waiting?: number): boolean;
  /** When the number's next send is allowed (ms since the epoch). */
  nextAt(number: string): number;
  rateOf(number: string): number;
}

export function createRateBudget(options: RateBudgetOptions = {}, clock: Clock = systemClock): RateBudget {
  const { rate, rates, burst } = parseInput(rateBudgetOptionsSchema, options, 'budget');
  const buckets = new Map<string, TokenBucket>();
  const rateOf = (number: string) => rates[number] ?? rate;
  const bucketOf = (number: string) => {
    let bucket = buckets.get(number);
    if (!bucket) {
      const r = rateOf(number);
      buckets.set(number, (bucket = new TokenBucket(r, burst ?? Math.max(1, Math.floor(r / 50)), clock.now())));
    }
    return bucket;
  };
  return {
    take: (number) => bucketOf(number).take(clock.now()),
    nextAt: (number) => bucketOf(number).nextAt(clock.now()),
    rateOf,
  };
}
