// A case that throws is reported as failed, with its error, and the cases after it still run.
import { describe, expect, it } from 'vitest';
import { runBench } from '../src/runBench';

describe('runBench', () => {
  it('reports a failing case and runs the next one', async () => {
    const progress: string[] = [];
    const { results, markdown } = await runBench({
      quick: true,
      progress: (m) => progress.push(m),
      cases: {
        broken: async () => {
          throw new Error('fetch failed', { cause: new Error('read ECONNRESET') });
        },
        fine: async () => ({ name: 'fine', value: 1, unit: 'x', baseline: 1, ratio: 1, goal: 'ratio >= 1', met: true }),
      },
    });
    expect(results.map((r) => [r.name, r.met])).toEqual([
      ['broken', false],
      ['fine', true],
    ]);
    expect(results[0]?.note).toContain('read ECONNRESET');
    expect(markdown).toContain('broken');
    expect(progress).toContain('broken failed: fetch failed (Error: read ECONNRESET)');
  });
});
