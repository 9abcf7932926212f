// Every check returns figures and the failures it found; RELIABILITY.md is a summary table, then
// one table of figures per check, with the machine, Node version, date and seeds of the run.
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

export interface CheckResult {
  name: string;
  /** What was done, in numbers (e.g. { rounds: 200, processes: 3 }). */
  figures: Record<string, number | string>;
  /** Each problem found, in words. Empty means the check passed. */
  failures: string[];
}

export type Progress = (message: string) => void;

/** What each check does, in one line (the figures say how much). */
export const describes: Record<string, string> = {
  crash:
    'Signed inbound messages and replies while `onenumber serve` is SIGKILLed at random moments and restarted on the same SQLite file (R15, R16).',
  races:
    'Service processes racing connect/disable/enable/remove of the same number; after every round one shared channel, one active parent, the audit timeline replayed through R11 (R6, R11).',
  fuzz: 'Generated webhook, HTTP and SDK inputs (fast-check): no 5xx, every refusal a typed error, the stored state byte-identical after each refused input (R27).',
  scope:
    'Every route but /health, /openapi.json and the signed webhook x {no token, bad token, other org, other service} (R20).',
  leaks:
    'A full multi-service run with every reply text a unique canary; every HTTP response, SSE event and log line scanned (R17, R20).',
  load: "Signed inbound at a fixed offered rate over several numbers while crm, desk and salesiq view, assign and reply; then a reply burst past one number's send budget.",
  poison:
    'Random deep (to 100,000 levels) and huge (to 3 MiB) JSON in every field of every route with a body, the free-form ones first (raw, settings, policy, services, error, the signed webhook payload), then records planted around the edge with SQL: no 5xx, every refusal typed, every read after it 2xx, the event streams replayed without a gap (R27, R36).',
  push: "Three push subscriptions (crm, desk, salesiq) to a receiver that fails 30% of requests at random and is slow on 10%, under inbound messages and replies: every event of each stream delivered (0 lost), in order within its conversation, every signature verified with verifyWebhook, no body holding another service's reply text (R34, R17, R20).",
  revocation:
    'Tokens revoked, rotated (no grace, or a grace that ends) and expired under inbound load, each with an event stream open on another process or replica where there is one: no event later than one second after the token stopped being valid, every stream closed saying why, the token refused on every server; the max delay measured (R35).',
};

const cell = (v: number | string) => String(v).replace(/\|/g, '\\|');

/** An ISO time to the second. */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * The report. `ranAt` gives the time each check was run when they differ (a partial run keeps the
 * other checks' figures from their own run); by default all ran at `date`.
 */
export function markdown(results: CheckResult[], date = new Date(), ranAt: Record<string, string> = {}): string {
  const when = (name: string) => ranAt[name] ?? isoSeconds(date);
  const runs = new Map<string, string[]>();
  for (const r of results) runs.set(when(r.name), [...(runs.get(when(r.name)) ?? []), r.name]);
  const summary = results.map(
    (r) =>
      `| \`${r.name}\` | ${r.failures.length ? `**FAIL** (${r.failures.length})` : 'pass'} | ${r.figures.seconds ?? ''} |`,
  );
  const seeds = results
    .filter((r) => r.figures.seed !== undefined)
    .map((r) => `${r.name} ${r.figures.seed}`)
    .join(', ');
  const sections = results.flatMap((r) => [
    `## \`${r.name}\`: ${r.failures.length ? '**FAIL**' : 'pass'}`,
    '',
    ...(runs.size > 1 ? [`_Run ${when(r.name)}._`, ''] : []),
    describes[r.name] ?? '',
    '',
    '| figure | value |',
    '| --- | --- |',
    ...Object.entries(r.figures).map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`),
    '',
    ...(r.failures.length ? ['Failures:', '', ...r.failures.slice(0, 20).map((f) => `- ${f}`), ''] : []),
  ]);
  const cpu = cpus();
  return [
    '# Reliability',
    '',
    'Written by `npm run chaos` against the real server (do not edit by hand). Each check has a',
    'reduced version with smaller counts in `npm test` (`packages/chaos/test`).',
    '',
    `- Machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, ${Math.round(totalmem() / 1073741824)} GiB (${Math.round(freemem() / 1073741824)} GiB free at the end), ${type()} ${release()}; load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (the cores are shared with other work)`,
    `- Node ${process.version}`,
    `- Date: ${isoSeconds(date)}${runs.size > 1 ? ' (this machine and Node: the latest run)' : ''}`,
    ...(runs.size > 1
      ? [
          `- Runs: ${[...runs].map(([at, names]) => `${at} (${names.join(', ')})`).join('; ')}. A partial run (\`--only\`) updates its sections and keeps the others.`,
        ]
      : []),
    `- Seeds: ${seeds || 'none'} (run again with the same seeds to replay)`,
    '',
    '| check | result | seconds |',
    '| --- | --- | --- |',
    ...summary,
    '',
    ...sections,
  ].join('\n');
}
