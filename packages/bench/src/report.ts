// BENCHMARKS.md: the table of a run, with the machine it ran on.
import { cpus, totalmem } from 'node:os';
import type { Result } from './harness';

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function markdown(results: Result[], date = new Date()): string {
  const m = machine();
  const cell = (v: number | null) => (v === null ? '—' : String(v));
  const rows = results.map(
    (r) =>
      `| \`${r.name}\` | ${r.value} | ${r.unit} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${r.goal} | ${r.met ? 'yes' : '**no**'} |${r.note ? ` ${r.note}` : ''}`,
  );
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (do not edit by hand). Each ratio is ours against a hand-written',
    'baseline doing the same essential work, measured in the same run, oriented so that higher is',
    'better. Tests never assert timings; these figures come only from this command.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${date.toISOString().slice(0, 10)}.`,
    '',
    '| name | value | unit | baseline | ratio | goal | met? | note',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
