// The readable form of a scenario report: one row per step (step, op, arguments, result, pass/fail).
import type { ScenarioReport } from './runScenario';
import type { Scenario } from './schema';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function short(value: Record<string, unknown>, skip: string[] = []): string {
  return Object.entries(value)
    .filter(([k, v]) => !skip.includes(k) && v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : summarise(v)}`)
    .join(' ');
}

function summarise(v: unknown): string {
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'object' && x && 'service' in x && 'role' in x)) {
      return `[${v.map((m) => `${m.service}${m.role === 'parent' ? '*' : ''}`).join(',')}]`;
    }
    if (v.every((x) => typeof x === 'object' && x && 'direction' in x)) {
      return `[${v.map((m) => `${m.direction}:${m.masked ? 'masked' : JSON.stringify(m.text)}`).join(', ')}]`;
    }
  }
  if (v && typeof v === 'object' && 'code' in v) {
    const n = v as unknown as { code: string; agent: string | null };
    return `${n.code}(${n.agent ?? 'another agent'})`;
  }
  return JSON.stringify(v);
}

export function formatTable(scenario: Scenario, report: ScenarioReport): string {
  const failed = new Set(report.failures.map((f) => f.step));
  const rows = report.steps.map((s, i) => [
    String(i),
    s.op,
    clip(short(scenario.steps[i] as Record<string, unknown>, ['op', 'expect', 'as']), 48),
    clip(short(s.result), 72),
    failed.has(i) ? 'FAIL' : 'pass',
  ]);
  const header = ['step', 'op', 'arguments', 'result', 'check'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const verdict = report.failures.length ? `${report.failures.length} failed` : 'all passed';
  return [
    `${report.name}  (${report.steps.length} steps, ${verdict})`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
