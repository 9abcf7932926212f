// Runs the selected cases one after another (never in parallel: they would measure each other).
import type { Progress, Result } from './harness';
import { cases } from './cases';
import { markdown } from './report';

export async function runBench(options: { quick: boolean; only?: string[] | undefined; progress: Progress }) {
  const results: Result[] = [];
  const selected = Object.entries(cases).filter(([name]) => !options.only?.length || options.only.includes(name));
  for (const [index, [name, run]] of selected.entries()) {
    options.progress(`(${index + 1}/${selected.length}) ${name}`);
    const out = await run({ quick: options.quick }, options.progress);
    results.push(...(Array.isArray(out) ? out : [out]));
  }
  return { results, markdown: markdown(results) };
}
