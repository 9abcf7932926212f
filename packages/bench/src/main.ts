// `npm run bench [-- --json] [-- --quick] [-- --only NAME]`: runs the cases, progress on stderr,
// writes BENCHMARKS.md (with --out), or prints {"results": [...]} with --json.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBench } from './runBench';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
});
const { results, markdown } = await runBench({ quick: values.quick!, only: values.only, progress: (m) => process.stderr.write(`[bench] ${m}\n`) });
if (values.json) process.stdout.write(`${JSON.stringify({ results: results.map(({ name, value, unit, baseline, ratio, goal }) => ({ name, value, unit, baseline, ratio, goal })) }, null, 2)}\n`);
if (values.out && !values.quick && !values.only) {
  writeFileSync(values.out, markdown);
  process.stderr.write(`[bench] wrote ${values.out}\n`);
}
