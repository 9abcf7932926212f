// `npm run bench [-- --json] [-- --quick] [-- --only NAME] [-- --profile DIR]`: runs the cases,
// progress on stderr, writes BENCHMARKS.md (with --out), or prints {"results": [...]} with --json.
// --profile: the ingest cases' server processes run under `node --cpu-prof`, profiles in DIR.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './runBench';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    out: { type: 'string' },
    profile: { type: 'string' },
  },
});
if (values.profile) process.env.ONENUMBER_BENCH_PROFILE = resolve(values.profile);
const { results, markdown } = await runBench({
  quick: values.quick!,
  only: values.only,
  progress: (m) => process.stderr.write(`[bench] ${m}\n`),
});
if (values.json)
  process.stdout.write(
    `${JSON.stringify({ results: results.map(({ name, value, unit, baseline, ratio, goal }) => ({ name, value, unit, baseline, ratio, goal })) }, null, 2)}\n`,
  );
if (values.out && !values.quick && !values.only && !values.profile) {
  writeFileSync(values.out, markdown);
  process.stderr.write(`[bench] wrote ${values.out}\n`);
}
// A failed case is in the report; the exit code says so too.
if (results.some((r) => r.goal === 'runs to the end')) process.exitCode = 1;
