// RELIABILITY.md read back, so that `npm run chaos -- --only NAME --out RELIABILITY.md` updates the
// sections it ran and keeps the others (their figures, failures and the date they were run): a
// slow check (crash, load) need not run again for a fast one's figures to be written.
import type { CheckResult } from './report';

export interface ReportFile {
  results: CheckResult[];
  /** When each check was last run (ISO, seconds). */
  ranAt: Record<string, string>;
}

const plainCell = (cell: string) => cell.trim().replace(/\\\|/g, '|');

/** The cells of a table row `| a | b |` (a `\|` inside a cell is kept). */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map(plainCell);
}

export function parseReport(text: string): ReportFile {
  const fileDate = /^- Date: (\S+)/m.exec(text)?.[1] ?? 'unknown';
  const results: CheckResult[] = [];
  const ranAt: Record<string, string> = {};
  let current: CheckResult | null = null;
  let inFailures = false;
  for (const line of text.split('\n')) {
    const heading = /^## `([\w-]+)`: /.exec(line);
    if (heading) {
      current = { name: heading[1]!, figures: {}, failures: [] };
      results.push(current);
      ranAt[current.name] = fileDate;
      inFailures = false;
      continue;
    }
    if (!current) continue;
    const run = /^_Run (\S+?)\._$/.exec(line);
    if (run) ranAt[current.name] = run[1]!;
    else if (line.startsWith('| ') && !line.startsWith('| figure |') && !line.startsWith('| --- |')) {
      const [key, value] = cells(line);
      if (key !== undefined && value !== undefined) current.figures[key] = value;
    } else if (line === 'Failures:') inFailures = true;
    else if (inFailures && line.startsWith('- ')) current.failures.push(line.slice(2));
  }
  return { results, ranAt };
}

/** The file's results with `fresh` in place of (or after) those of the same name. */
export function mergeResults(file: ReportFile, fresh: CheckResult[], at: string): ReportFile {
  const results = file.results.map((r) => fresh.find((f) => f.name === r.name) ?? r);
  for (const r of fresh) if (!results.some((x) => x.name === r.name)) results.push(r);
  const ranAt = { ...file.ranAt };
  for (const r of fresh) ranAt[r.name] = at;
  return { results, ranAt };
}
