// `npm run chaos [-- --only NAME]`: runs every check at full size against the real server,
// progress on stderr, and writes RELIABILITY.md (with --out). With --only, the sections of the
// checks it ran are updated in the file and the others kept (reportFile.ts). Exit 1 if any check failed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checks } from './checks';
import { isoSeconds, markdown, type CheckResult } from './report';
import { mergeResults, parseReport } from './reportFile';

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    out: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const progress = (m: string) => process.stderr.write(`[chaos] ${m}\n`);
const selected = checks.filter((c) => !values.only?.length || values.only.includes(c.name));
const results: CheckResult[] = [];
for (const [i, check] of selected.entries()) {
  progress(`(${i + 1}/${selected.length}) ${check.name}`);
  const started = Date.now();
  const result = await check.full(progress);
  result.figures.seconds = Math.round((Date.now() - started) / 100) / 10;
  results.push(result);
  progress(`${check.name}: ${result.failures.length ? `FAIL (${result.failures.length})` : 'pass'}`);
}
if (values.json) process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
if (values.out && !values.only?.length) {
  writeFileSync(values.out, markdown(results));
  progress(`wrote ${values.out}`);
} else if (values.out) {
  const now = new Date();
  const kept = existsSync(values.out) ? parseReport(readFileSync(values.out, 'utf8')) : { results: [], ranAt: {} };
  const merged = mergeResults(kept, results, isoSeconds(now));
  writeFileSync(values.out, markdown(merged.results, now, merged.ranAt));
  progress(`updated ${results.map((r) => r.name).join(', ')} in ${values.out}`);
}
process.exitCode = results.some((r) => r.failures.length) ? 1 : 0;
