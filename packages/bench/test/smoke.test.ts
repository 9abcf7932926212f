// The bench harness with tiny sizes, so `npm run bench` keeps working. No timing is asserted.
import { describe, expect, it } from 'vitest';
import { runBench } from '../src/runBench';

describe('bench harness (quick sizes)', () => {
  it('runs every case and reports a well-formed row for each', async () => {
    const progress: string[] = [];
    const { results, markdown } = await runBench({ quick: true, progress: (m) => progress.push(m) });
    expect(results.length).toBeGreaterThanOrEqual(3);
    for (const r of results) {
      expect(r.name).toMatch(/^[a-z0-9-]+$/);
      expect(Number.isFinite(r.value) && r.value > 0, r.name).toBe(true);
      if (r.baseline !== null) expect(r.ratio).toBeCloseTo(r.value / r.baseline, 1);
      expect(markdown).toContain(`\`${r.name}\``);
    }
    expect(progress.some((m) => m.includes('(1/'))).toBe(true);
  }, 120_000);
});
