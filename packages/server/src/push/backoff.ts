// R34: when a failed delivery is tried again: exponential backoff with jitter (each delay drawn
// between half and all of base * 2^(attempt-1), capped), or the receiver's own Retry-After
// (seconds or an HTTP date) when it gives one. Past the horizon (from the first attempt) the
// delivery is dead-lettered instead.
export interface BackoffOptions {
  retryBaseMs: number;
  retryMaxMs: number;
  horizonMs: number;
}

/** Retry-After as milliseconds from `now`, or null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function backoffMs(attempt: number, options: BackoffOptions, random = Math.random): number {
  const ceiling = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The next attempt's time, or null when it would fall past the horizon (dead-letter it). */
export function nextAttemptAt(
  input: { attempt: number; firstAt: number; now: number; retryAfterMs: number | null },
  options: BackoffOptions,
  random = Math.random,
): number | null {
  const delay = input.retryAfterMs ?? backoffMs(input.attempt, options, random);
  const at = input.now + delay;
  return at > input.firstAt + options.horizonMs ? null : at;
}
