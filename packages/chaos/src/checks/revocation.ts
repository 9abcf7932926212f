// Revocation (R35): tokens revoked, rotated (no grace, or a grace that ends) and expired while
// inbound messages load the server, each with an event stream open on it on another process or
// replica where there is one. Measured from the moment a token stopped being valid (the DELETE or
// rotation answered, the expiry or grace end reached): when its stream ended, and whether any
// event reached it later than one second after (none may); when every server refused it (401).
// Control streams on tokens never revoked must stay open and keep receiving.
import type { CheckResult, Progress } from '../report';
import { numberAt } from '../world';
import { postgresReplicas, sqliteOneProcess, sqliteTwoProcesses, type Backend } from './revocationBackends';
import { seeded } from './seeded';
import { watch, type Watched } from './sseWatch';

export interface RevocationOptions {
  tokens: number;
  seconds: number;
  writesPerSecond: number;
  seed: number;
  postgres: boolean;
}

type Kind = 'revoke' | 'rotate' | 'grace' | 'expire';
const expected: Record<Kind, string> = { revoke: 'revoked', rotate: 'rotated', grace: 'rotated', expire: 'expired' };
const kinds: Kind[] = ['revoke', 'rotate', 'grace', 'expire'];
const services = ['crm', 'desk', 'salesiq'] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

interface Planned {
  kind: Kind;
  id: string;
  token: string;
  stream: Watched;
  /** When the action runs (ms after the start); for expiry, the expiry itself. */
  at: number;
  /** When the token (or its old secret) stopped being valid, once known. */
  invalidAt?: number;
  refusedAfter?: number;
}

interface Outcome {
  streams: Record<Kind, number>;
  delays: number[];
  refusals: number[];
  events: number;
  late: number;
  writes: number;
  failures: string[];
}

async function run(
  backend: Backend,
  options: RevocationOptions,
  random: () => number,
  progress: Progress,
): Promise<Outcome> {
  const call = (url: string, method: string, path: string, token: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await call(backend.adminUrl, method, path, backend.adminToken, body);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const failures: string[] = [];
  const number = numberAt(500);
  await admin('PUT', '/v1/admin/numbers', { number, verified: true });
  for (const service of services)
    await admin('POST', '/v1/storage/connect', {
      org: 'acme',
      number,
      service,
      mode: 'shared',
      reason: 'bundle',
      at: new Date().toISOString(),
    });

  let writing = true;
  let writes = 0;
  const writer = (async () => {
    while (writing) {
      const url = backend.urls[writes % backend.urls.length]!;
      const customer = `+81905555${String(writes % 50).padStart(4, '0')}`;
      const body = {
        number,
        customer,
        providerId: `wamid.rev.${backend.urls.length}.${writes}`,
        type: 'text',
        text: 'load',
        raw: null,
        at: new Date().toISOString(),
      };
      const response = await call(url, 'POST', '/v1/storage/receive', backend.adminToken, body).catch((e: Error) => e);
      if (response instanceof Error || !response.ok)
        failures.push(`a load write failed: ${response instanceof Error ? response.message : response.status}`);
      writes++;
      await sleep(1000 / options.writesPerSecond);
    }
  })();

  const controls: Watched[] = [];
  for (const service of services) {
    const { token } = await admin<{ token: string }>('POST', '/v1/admin/tokens', { org: 'acme', service });
    controls.push(await watch(backend.streamUrl, token));
  }
  // Expiring tokens are issued last, their expiries counted from a start after every stream is
  // open: a slow machine never lets one expire before its stream opened.
  const order = Array.from({ length: options.tokens }, (_, i) => kinds[i % kinds.length]!);
  order.sort((a, b) => Number(a === 'expire') - Number(b === 'expire'));
  const offsets = order.map(() => 500 + Math.floor(random() * options.seconds * 1000));
  const planned: Planned[] = [];
  let start = 0;
  for (const [i, kind] of order.entries()) {
    if (kind === 'expire' && !start) start = Date.now() + 1_000 + 300 * (order.length - i);
    const at = offsets[i]!;
    const expiresAt = kind === 'expire' ? new Date(start + at).toISOString() : undefined;
    const issued = await admin<{ id: string; token: string }>('POST', '/v1/admin/tokens', {
      org: 'acme',
      service: services[i % 3],
      ...(expiresAt ? { expiresAt } : {}),
    });
    const stream = await watch(backend.streamUrl, issued.token);
    if (stream.status !== 200) failures.push(`${kind} ${issued.id}: its stream did not open (${stream.status})`);
    planned.push({
      kind,
      id: issued.id,
      token: issued.token,
      stream,
      at,
      ...(expiresAt ? { invalidAt: Date.parse(expiresAt) } : {}),
    });
  }
  start ||= Date.now() + 1_000;
  progress(`revocation (${backend.name}): ${planned.length} streams open, ${writes} writes so far`);

  const act = async (p: Planned) => {
    await sleep(start + p.at - Date.now());
    if (p.kind === 'revoke') await admin('DELETE', `/v1/admin/tokens/${p.id}`);
    if (p.kind === 'rotate') await admin('POST', `/v1/admin/tokens/${p.id}/rotate`, { graceSeconds: 0 });
    if (p.kind === 'grace') {
      const rotated = await admin<{ previousValidUntil: string }>('POST', `/v1/admin/tokens/${p.id}/rotate`, {
        graceSeconds: 1,
      });
      p.invalidAt = Date.parse(rotated.previousValidUntil);
    }
    p.invalidAt ??= Date.now();
    await sleep(p.invalidAt - Date.now());
    // Refused on every server: how long after it stopped being valid.
    for (;;) {
      const statuses = await Promise.all(
        backend.urls.map(async (url) => (await call(url, 'POST', '/v1/directory/org', p.token, { id: 'acme' })).status),
      );
      if (statuses.every((s) => s === 401)) break;
      if (Date.now() - p.invalidAt > 10_000) {
        failures.push(`${p.kind} ${p.id}: still answered ${statuses.join('/')} 10 s after it stopped being valid`);
        break;
      }
      await sleep(10);
    }
    p.refusedAfter = Date.now() - p.invalidAt;
    await Promise.race([p.stream.ended, sleep(p.invalidAt + 10_000 - Date.now())]);
  };
  await Promise.all(planned.map(act));
  const lastInvalid = Math.max(...planned.map((p) => p.invalidAt ?? 0));
  await sleep(lastInvalid + 1_500 - Date.now()); // the control streams must go on receiving
  writing = false;
  await writer;

  const outcome: Outcome = {
    streams: { revoke: 0, rotate: 0, grace: 0, expire: 0 },
    delays: [],
    refusals: [],
    events: 0,
    late: 0,
    writes,
    failures,
  };
  for (const p of planned) {
    outcome.streams[p.kind]++;
    outcome.events += p.stream.arrivals.length;
    const late = p.stream.arrivals.filter((a) => a > p.invalidAt! + 1000).length;
    outcome.late += late;
    if (late) failures.push(`${p.kind} ${p.id}: ${late} events later than 1 s after it stopped being valid`);
    if (p.stream.endedAt === null) failures.push(`${p.kind} ${p.id}: its stream was still open 10 s after`);
    else outcome.delays.push(Math.max(0, p.stream.endedAt - p.invalidAt!)); // 0: closed before the answer arrived
    if (p.stream.reason !== expected[p.kind])
      failures.push(`${p.kind} ${p.id}: the stream ended saying "${p.stream.reason}", not ${expected[p.kind]}`);
    outcome.refusals.push(p.refusedAfter ?? Number.POSITIVE_INFINITY);
    p.stream.close();
  }
  for (const [i, control] of controls.entries()) {
    if (control.endedAt !== null) failures.push(`the control stream of ${services[i]} ended`);
    else if ((control.arrivals.at(-1) ?? 0) < lastInvalid)
      failures.push(`the control stream of ${services[i]} stopped receiving`);
    control.close();
  }
  return outcome;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
};

export async function revocation(options: RevocationOptions, progress: Progress): Promise<CheckResult> {
  const random = seeded(options.seed);
  const figures: CheckResult['figures'] = {};
  const failures: string[] = [];
  const all = { delays: [] as number[], late: 0, streams: 0 };
  const starts = [sqliteOneProcess, sqliteTwoProcesses, ...(options.postgres ? [postgresReplicas] : [])];
  for (const start of starts) {
    const backend = await start();
    if ('skipped' in backend) {
      figures['postgres, two replicas'] = `not run: ${backend.skipped}`;
      continue;
    }
    try {
      const o = await run(backend, options, random, progress);
      const n = backend.name;
      figures[`${n}: streams revoked / rotated (no grace) / old secret's grace ended / expired`] = kinds
        .map((k) => o.streams[k])
        .join(' / ');
      figures[`${n}: load writes (events to every stream)`] = o.writes;
      figures[`${n}: events those streams received`] = o.events;
      figures[`${n}: ms from invalid to stream closed, p50 / max`] =
        `${percentile(o.delays, 50)} / ${Math.max(0, ...o.delays)}`;
      figures[`${n}: ms until every server refused it (401), max`] = Math.max(0, ...o.refusals);
      figures[`${n}: events later than 1 s after`] = o.late;
      all.delays.push(...o.delays);
      all.late += o.late;
      all.streams += o.delays.length;
      failures.push(...o.failures.map((f) => `${n}: ${f}`));
    } finally {
      await backend.close();
    }
    progress(`revocation: ${backend.name} done`);
  }
  return {
    name: 'revocation',
    figures: {
      'streams on tokens that stopped being valid': all.streams,
      'max ms from revocation (or expiry, or grace end) to the stream closed': Math.max(0, ...all.delays),
      'events delivered later than one second after': all.late,
      ...figures,
      seed: options.seed,
    },
    failures: failures.slice(0, 50),
  };
}
