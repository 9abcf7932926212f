// The measuring tools: timed loops, percentiles, and the result row every case returns.
import { performance } from 'node:perf_hooks';

export interface Result {
  name: string;
  value: number;
  unit: string;
  /** The baseline's value in the same unit, measured in the same run (null where the goal is absolute). */
  baseline: number | null;
  /** Ours relative to the baseline, oriented so that higher is better. */
  ratio: number | null;
  goal: string;
  met: boolean;
  note?: string;
}

export interface Sizes {
  /** Tiny sizes for the smoke test in `npm test`; figures from it mean nothing. */
  quick: boolean;
}

export type Progress = (message: string) => void;

/** Operations per second of `step` run `count` times (after a warm-up of a tenth). */
export async function throughput(count: number, step: (i: number) => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.ceil(count / 10); i++) await step(-1 - i);
  const start = performance.now();
  for (let i = 0; i < count; i++) await step(i);
  return count / ((performance.now() - start) / 1000);
}

/** Latencies in milliseconds of `count` runs of `step`. */
export async function latencies(count: number, step: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < Math.ceil(count / 10); i++) await step(i);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await step(i);
    out.push(performance.now() - start);
  }
  return out;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Higher-is-better ratio of two throughputs, or of two costs (lower is better) inverted. */
export const ratioOf = (ours: number, baseline: number, higherIsBetter = true) =>
  round(higherIsBetter ? ours / baseline : baseline / ours, 3);
