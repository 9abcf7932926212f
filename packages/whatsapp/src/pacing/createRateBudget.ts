// One rate budget per business number (whatsapp-cloud-api.md, "Throughput"): 80 messages/s by
// default, up to 1,000 after an upgrade, about 20 for a coexistence number. Every service of
// the channel draws on the one budget of its number; the worker's fair queue shares it.
import { parseInput } from '@onenumber/core';
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
     * Tokens that may accumulate while a number is idle (default 1: sends evenly spaced, never
     * more than `rate` in any second). A larger burst absorbs timer lateness at high rates, at
     * the cost of up to `rate + burst - 1` sends in the second after an idle spell.
     */
    burst: z.number().int().min(1).max(1000).default(1),
  })
  .strict();

export type RateBudgetOptions = z.input<typeof rateBudgetOptionsSchema>;

export interface RateBudget {
  /** Takes one send from the number's budget if it has one now. */
  take(number: string): boolean;
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
    if (!bucket) buckets.set(number, (bucket = new TokenBucket(rateOf(number), burst, clock.now())));
    return bucket;
  };
  return {
    take: (number) => bucketOf(number).take(clock.now()),
    nextAt: (number) => bucketOf(number).nextAt(clock.now()),
    rateOf,
  };
}
