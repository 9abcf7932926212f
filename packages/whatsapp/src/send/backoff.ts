// Exponential backoff with full jitter: a delay drawn uniformly from [0, min(max, base·2^(n-1))).
// The random source is injected (createSeededRandom) so tests are reproducible.
import { z } from 'zod';
import type { Random } from '../time/random';

export const backoffSchema = z
  .object({
    baseMs: z.number().int().min(0).max(3_600_000).default(1000),
    maxMs: z.number().int().min(0).max(86_400_000).default(60_000),
  })
  .strict();

export type Backoff = z.output<typeof backoffSchema>;

/** The delay before retry number `attempt` (1 = the first retry). */
export function backoffDelay(attempt: number, backoff: Backoff, random: Random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(random() * ceiling);
}
