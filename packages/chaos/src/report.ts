// Every check returns figures and the failures it found; RELIABILITY.md is their table.
import { cpus } from 'node:os';

export interface CheckResult {
  name: string;
  /** What was done, in numbers (e.g. { rounds: 200, processes: 3 }). */
  figures: Record<string, number | string>;
  /** Each problem found, in words. Empty means the check passed. */
  failures: string[];
}

export type Progress = (message: string) => void;

export function markdown(results: CheckResult[], date = new Date()): string {
  const rows = results.map((r) => {
    const figures = Object.entries(r.figures).map(([k, v]) => `${k}: ${v}`).join('; ');
    return `| \`${r.name}\` | ${r.failures.length ? `**FAIL** (${r.failures.length})` : 'pass'} | ${figures} |`;
  });
  const failures = results.flatMap((r) => r.failures.slice(0, 10).map((f) => `- \`${r.name}\`: ${f}`));
  return [
    '# Reliability',
    '',
    'Written by `npm run chaos` against the real server (do not edit by hand). Each check has a',
    'reduced version with smaller counts in `npm test` (`packages/chaos/test`).',
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores; Node ${process.version}; ${date.toISOString().slice(0, 10)}.`,
    '',
    '| check | result | figures |',
    '| --- | --- | --- |',
    ...rows,
    '',
    ...(failures.length ? ['## Failures', '', ...failures, ''] : []),
  ].join('\n');
}
