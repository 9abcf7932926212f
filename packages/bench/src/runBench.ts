// Runs the selected cases one after another (never in parallel: they would measure each other).
// A case that throws is reported as failed with its error, and the others still run: one broken
// measurement must not throw away half an hour of the rest.
import type { Progress, Result } from './harness';
import { type Case, cases as allCases } from './cases';
import { markdown } from './report';

export async function runBench(options: {
  quick: boolean;
  only?: string[] | undefined;
  progress: Progress;
  cases?: Record<string, Case>;
}) {
  const cases = options.cases ?? allCases;
  const results: Result[] = [];
  const selected = Object.entries(cases).filter(([name]) => !options.only?.length || options.only.includes(name));
  for (const [index, [name, run]] of selected.entries()) {
    options.progress(`(${index + 1}/${selected.length}) ${name}`);
    try {
      const out = await run({ quick: options.quick }, options.progress);
      results.push(...(Array.isArray(out) ? out : [out]));
    } catch (error) {
      const message =
        error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : String(error);
      options.progress(`${name} failed: ${message}`);
      results.push({
        name,
        value: 0,
        unit: '-',
        baseline: null,
        ratio: null,
        goal: 'runs to the end',
        met: false,
        note: `failed: ${message}`,
      });
    }
  }
  return { results, markdown: markdown(results) };
}
