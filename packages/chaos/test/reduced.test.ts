// The reduced chaos checks: the same code paths and assertions as `npm run chaos`, with smaller
// counts (races: 15 rounds x 3 processes; fuzz: 240 inputs; scope: every route x 4 tokens;
// leaks: 3 customers x 3 replies across 3 services). Each must find nothing.
import { describe, expect, it } from 'vitest';
import { checks } from '../src/checks';

describe('reliability checks (reduced)', () => {
  for (const check of checks) {
    it(`${check.name}: finds nothing`, async () => {
      const result = await check.reduced(() => {});
      expect(result.failures).toEqual([]);
      expect(Object.keys(result.figures).length).toBeGreaterThan(0);
    }, 240_000);
  }
});
