// The bench harness with tiny sizes, so `npm run bench` keeps working. No timing is asserted;
// what is asserted is that every case ran and that the ingest cases' servers (each in its own
// process: the baselines, OneNumber on SQLite, one and three replicas on PostgreSQL) answered
// every signed delivery 200 and stored every message they acknowledged.
import { describe, expect, it } from 'vitest';
import { runBench } from '../src/runBench';

const ingest = ['ingest-http', 'ingest-http-full', 'ack-p99', 'ingest-http-postgres', 'ingest-http-postgres-3'];

describe('bench harness (quick sizes)', () => {
  it('runs every case and reports a well-formed row for each', async () => {
    const progress: string[] = [];
    const { results, markdown } = await runBench({ quick: true, progress: (m) => progress.push(m) });
    expect(results.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        ...ingest,
        'fanout-core',
        'view-1000-memory',
        'view-1000-http',
        'memory-per-message',
        'scale-1m',
      ]),
    );
    for (const r of results) {
      expect(r.name).toMatch(/^[a-z0-9-]+$/);
      expect(Number.isFinite(r.value) && r.value > 0, r.name).toBe(true);
      if (r.baseline !== null) {
        // Oriented so that higher is better: ours / baseline for rates, baseline / ours for costs
        // (within the rounding of the reported value and baseline).
        const oriented = [r.value / r.baseline, r.baseline / r.value];
        expect(
          oriented.some((x) => Math.abs(x - r.ratio!) <= 0.1 * Math.max(1, x)),
          `${r.name}: ratio ${r.ratio} of ${r.value} / ${r.baseline}`,
        ).toBe(true);
      }
      expect(markdown).toContain(`\`${r.name}\``);
    }
    expect(progress.some((m) => m.includes('(1/'))).toBe(true);
  }, 300_000);

  it('stores every acknowledged delivery in the ingest cases (nothing refused, nothing lost)', async () => {
    const { results } = await runBench({
      quick: true,
      only: ['ingest-http', 'ingest-http-postgres'],
      progress: () => {},
    });
    expect(results.map((r) => r.name).sort()).toEqual([...ingest].sort());
    for (const r of results) expect(r.note ?? '', r.name).not.toMatch(/not 200|not stored/);
  }, 300_000);
});
