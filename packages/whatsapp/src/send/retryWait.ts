// How long to wait before retrying a send WhatsApp refused as "not sent" (Meta's Cloud API docs,
// "Throughput" and "Pair rate limits"): after 131056 (pair rate: about one message per 6 s to one
// customer) wait 4^X seconds, X counting the earlier 131056s of that message from 0 (1 s, 4 s,
// 16 s, ...); after 130429 (the number's throughput, counted per second) 2^X seconds from 1 s.
// Jitter only lengthens a documented wait (up to a quarter more), so retries of many replies do
// not line up, and never makes it shorter. A `Retry-After` hint longer than the wait wins. Other
// retryable codes keep the exponential backoff with full jitter (backoff.ts).
import type { Random } from '../time/random';
import { backoffDelay, type Backoff } from './backoff';

/** 131056: wait 4^X s; beyond X = 5 (about 17 minutes) the wait stops growing. */
const pairRate = { code: 131056, baseMs: 1000, factor: 4, maxExponent: 5 } as const;
/** 130429: wait 2^X s; beyond X = 6 (about 1 minute) the wait stops growing. */
const throughput = { code: 130429, baseMs: 1000, factor: 2, maxExponent: 6 } as const;

export interface RetryHint {
  /** The Graph error code, when there was one. */
  graphCode: number | null;
  /** WhatsApp's own hint (`Retry-After`), when it gave one. */
  retryAfterMs: number | null;
}

/** The documented wait before retry of a code that has one (ms), without jitter; null otherwise. */
export function documentedWait(graphCode: number | null, earlierHits: number): number | null {
  const rule = graphCode === pairRate.code ? pairRate : graphCode === throughput.code ? throughput : null;
  if (!rule) return null;
  return rule.baseMs * rule.factor ** Math.max(0, Math.min(earlierHits, rule.maxExponent));
}

/**
 * The wait before the next attempt: the documented one for 131056 and 130429 (`earlierHits` =
 * how many times that code already refused this message), else `backoffDelay(attempt)`; never
 * shorter than WhatsApp's `Retry-After`.
 */
export function retryWait(
  hint: RetryHint,
  counts: { attempt: number; earlierHits: number },
  backoff: Backoff,
  random: Random,
): number {
  const documented = documentedWait(hint.graphCode, counts.earlierHits);
  const wait =
    documented === null
      ? backoffDelay(counts.attempt, backoff, random)
      : documented + Math.floor(random() * documented * 0.25);
  return Math.max(wait, hint.retryAfterMs ?? 0);
}
