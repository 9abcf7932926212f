// R34: when a failed delivery is tried again: exponential backoff with jitter (between half and all
// of base * 2^(attempt-1), capped), the receiver's Retry-After (seconds or an HTTP date) instead
// when given, and none past the horizon counted from the first attempt (dead-lettered).
import { describe, expect, it } from 'vitest';
import { backoffMs, nextAttemptAt, retryAfterMs } from '../../src/push/backoff';

const options = { retryBaseMs: 1_000, retryMaxMs: 60_000, horizonMs: 3 * 86_400_000 };

describe('R34 backoff', () => {
  it('R34: doubles per attempt with jitter within [half, all] of its ceiling, capped', () => {
    for (const [attempt, ceiling] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [6, 32_000],
      [7, 60_000],
      [40, 60_000],
    ] as const) {
      expect(backoffMs(attempt, options, () => 0)).toBe(ceiling / 2);
      expect(backoffMs(attempt, options, () => 1)).toBe(ceiling);
    }
    const draws = new Set(Array.from({ length: 50 }, () => backoffMs(3, options)));
    expect(draws.size).toBeGreaterThan(10);
  });

  it('R34: Retry-After in seconds or as a date; unreadable is ignored', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
    expect(nextAttemptAt({ attempt: 1, firstAt: now, now, retryAfterMs: 120_000 }, options)).toBe(now + 120_000);
  });

  it('R34: nothing is scheduled past the horizon from the first attempt (dead letter)', () => {
    const firstAt = 0;
    const late = options.horizonMs - 100;
    expect(nextAttemptAt({ attempt: 30, firstAt, now: late, retryAfterMs: null }, options, () => 0)).toBeNull();
    expect(nextAttemptAt({ attempt: 1, firstAt, now: 0, retryAfterMs: options.horizonMs + 1 }, options)).toBeNull();
    expect(nextAttemptAt({ attempt: 1, firstAt, now: 0, retryAfterMs: null }, options, () => 0)).toBe(500);
  });
});
