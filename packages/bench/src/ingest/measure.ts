// One ingest measurement: start the target(s), warm up, run the closed loop, then check that every
// delivery answered 200 was stored (the targets' own counts), and stop them.
import { closedLoop } from './load';
import { deliveries } from './payload';
import type { Target } from './targets';

export const connectionsUnderLoad = 64;

export interface Measured {
  msgsPerSecond: number;
  /** Deliveries not answered 200, plus answered messages the targets do not count as stored. */
  failed: number;
}

export async function measure(start: () => Promise<Target[]>, count: number, prefix: string): Promise<Measured> {
  const targets = await start();
  try {
    const warm = Math.min(2000, Math.ceil(count / 5));
    const urls = targets.map((t) => t.url);
    const warmUp = await closedLoop(urls, deliveries(warm, 1, `${prefix}.warm`), 32);
    const run = await closedLoop(urls, deliveries(count, 1, prefix), connectionsUnderLoad);
    const stored = (await Promise.all(targets.map((t) => t.received()))).reduce((a, b) => a + b, 0);
    const answered = warm + count - warmUp.failed - run.failed;
    return { msgsPerSecond: run.msgsPerSecond, failed: warmUp.failed + run.failed + Math.max(0, answered - stored) };
  } finally {
    await Promise.all(targets.map((t) => t.close()));
  }
}

export const loadNote = (failed: number) =>
  `${connectionsUnderLoad} connections, 1 message per delivery${failed ? `; ${failed} deliveries not 200 or not stored` : ''}`;
