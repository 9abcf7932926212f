// ingest-http and ack-p99: signed webhook deliveries through the real server (verify, dedupe,
// store durably, fan out to 3 members), the server in its own process and the load from this one;
// against the hand-written baseline (bare node:http + better-sqlite3) doing the same work in its
// own process, measured in the same run. ingest-http-full: both with synchronous=FULL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, ratioOf, round, type Progress, type Result, type Sizes } from '../harness';
import { openLoop } from '../ingest/load';
import { loadNote, measure } from '../ingest/measure';
import { deliveries } from '../ingest/payload';
import { startBaselineProcess, startOneNumberProcess } from '../ingest/targets';

export async function ingestHttp(sizes: Sizes, progress: Progress): Promise<Result[]> {
  const count = sizes.quick ? 300 : 30_000;
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-ingest-'));
  try {
    const results: Result[] = [];
    for (const synchronous of ['NORMAL', 'FULL'] as const) {
      progress(`ingest-http (${synchronous}): ${count} signed deliveries to the baseline, then to OneNumber`);
      const baseline = await measure(
        async () => [await startBaselineProcess({ kind: 'sqlite', dir, synchronous })],
        count,
        `b${synchronous}`,
      );
      const ours = await measure(
        async () => [
          await startOneNumberProcess({
            db: join(dir, `onenumber-${synchronous}.db`),
            synchronous,
            setup: true,
            label: `onenumber-sqlite-${synchronous}`,
          }),
        ],
        count,
        `o${synchronous}`,
      );
      const ratio = ratioOf(ours.msgsPerSecond, baseline.msgsPerSecond);
      const normal = synchronous === 'NORMAL';
      const failed = ours.failed + baseline.failed;
      results.push({
        name: normal ? 'ingest-http' : 'ingest-http-full',
        value: round(ours.msgsPerSecond, 0),
        unit: 'msgs/s',
        baseline: round(baseline.msgsPerSecond, 0),
        ratio,
        goal: normal ? '>= 10,000 msgs/s, ratio >= 0.5' : 'reported beside ingest-http',
        met: (normal ? ours.msgsPerSecond >= 10_000 && ratio >= 0.5 : true) && failed === 0,
        note: loadNote(failed),
      });
    }
    results.push(await ackP99(dir, sizes, progress));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ackP99(dir: string, sizes: Sizes, progress: Progress): Promise<Result> {
  const count = sizes.quick ? 200 : 15_000;
  progress(`ack-p99: ${count} deliveries offered to OneNumber at 1,000/s`);
  const target = await startOneNumberProcess({
    db: join(dir, 'onenumber-ack.db'),
    setup: true,
    label: 'onenumber-ack',
  });
  try {
    const { times, failed } = await openLoop(target.url, deliveries(count, 1, 'ack'), 1000);
    const p99 = round(percentile(times, 99), 2);
    return {
      name: 'ack-p99',
      value: p99,
      unit: 'ms p99',
      baseline: null,
      ratio: null,
      goal: '<= 50 ms',
      met: p99 <= 50 && failed === 0,
      note: `p50 ${round(percentile(times, 50), 2)} ms, max ${round(Math.max(...times), 1)} ms; ${times.length} deliveries at 1,000/s, timed from when each was due${failed ? `; ${failed} not 200` : ''}`,
    };
  } finally {
    await target.close();
  }
}
