// The reduced chaos checks: the same code paths and assertions as `npm run chaos`, with smaller
// counts (in each test's name). Each must find nothing. crash and load spawn `onenumber serve`
// processes and wait for leases and paced sends: generous timeouts, no timing assertions.
import { describe, expect, it } from 'vitest';
import { checks } from '../src/checks';

/** Figures each reduced run must show, so that a pass cannot come from a check that did nothing. */
const expected: Record<string, Record<string, unknown>> = {
  races: { rounds: 15, violations: 0 },
  fuzz: { inputs: 240, '5xx': 0, 'untyped refusals': 0 },
  scope: { 'answered (not refused)': 0 },
  leaks: { 'canaries found where they must not be': 0, 'tokens found in log lines': 0 },
  crash: {
    'messages sent': 300,
    kills: 3,
    acknowledged: 300,
    'stored exactly once': 300,
    duplicates: 0,
    lost: 0,
    'repeats outside that window': 0,
  },
  load: {
    'messages offered': 1000,
    'acknowledged in all (with first messages and deliveries again)': 1040,
    errors: 0,
    lost: 0,
  },
  poison: { inputs: 150, '5xx': 0, 'untyped refusals': 0, 'reads not 2xx': 0 },
  revocation: { 'streams on tokens that stopped being valid': 24, 'events delivered later than one second after': 0 },
  push: {
    subscriptions: 3,
    'messages sent': 120,
    lost: 0,
    'out of order per conversation': 0,
    'signatures not verified': 0,
  },
};

describe('reliability checks (reduced)', () => {
  for (const check of checks) {
    it(`${check.name} (${check.reducedSize}): finds nothing`, async () => {
      const result = await check.reduced(() => {});
      expect(result.failures).toEqual([]);
      expect(result.figures).toMatchObject(expected[check.name]!);
    }, 600_000);
  }
});
