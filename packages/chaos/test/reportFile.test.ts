// A partial chaos run (`--only poison --only revocation --out RELIABILITY.md`) updates the sections
// it ran and keeps every other section's figures, failures and run date.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdown, type CheckResult } from '../src/report';
import { mergeResults, parseReport } from '../src/reportFile';

const file = readFileSync(new URL('../../../RELIABILITY.md', import.meta.url), 'utf8');

describe('RELIABILITY.md read back', () => {
  it('every section of the committed report, with its figures', () => {
    const { results, ranAt } = parseReport(file);
    expect(results.map((r) => r.name)).toEqual(expect.arrayContaining(['races', 'fuzz', 'crash', 'load']));
    const crash = results.find((r) => r.name === 'crash')!;
    expect(crash.figures).toMatchObject({ 'messages sent': '10000', lost: '0' });
    expect(ranAt.crash).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('a partial run replaces its sections, keeps the others and says when each ran', () => {
    const before = parseReport(file);
    const fresh: CheckResult = { name: 'poison', figures: { inputs: 10, '5xx': 0, seconds: 1 }, failures: [] };
    const merged = mergeResults(before, [fresh], '2030-01-01T00:00:00Z');
    const text = markdown(merged.results, new Date('2030-01-01T00:00:00Z'), merged.ranAt);
    const after = parseReport(text);
    for (const old of before.results.filter((r) => r.name !== 'poison'))
      expect(after.results.find((r) => r.name === old.name)).toEqual(old);
    expect(after.results.find((r) => r.name === 'poison')?.figures).toEqual({ inputs: '10', '5xx': '0', seconds: '1' });
    expect(after.ranAt.poison).toBe('2030-01-01T00:00:00Z');
    expect(after.ranAt.crash).toBe(before.ranAt.crash);
    expect(text).toContain('| `poison` | pass | 1 |');
    expect(text).toMatch(/^- Runs: .*\(.*crash.*\).*2030-01-01T00:00:00Z \(poison\)/m);
  });
});
