// Push (R34): crm, desk and salesiq each subscribe an endpoint of one receiver that fails 30% of
// requests at random (500) and is slow on another 10%; inbound messages from many customers and
// replies from every service flow meanwhile. Then every subscription must have received every
// event of its own stream (0 lost), each conversation's events in stream order (0 out of order,
// repeats aside), every delivery signed (checked with verifyWebhook), and no body holding another
// service's reply text (R17, R20).
import { createOneNumber, OneNumberError, type OneNumber } from '@onenumber/core';
import { openSqliteDatabase, startServer } from '@onenumber/server';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckResult, Progress } from '../report';
import { numberAt, services, type Service } from '../world';
import { startPushReceiver, type Hit } from './pushReceiver';
import { seeded } from './seeded';

const adminToken = `chaos-push-admin-${Date.now()}-0123456789`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lost, out of order (a conversation's accepted ids going back) and repeats among one path's hits. */
function judge(hits: Hit[], stream: { id: string }[]) {
  const accepted = hits.filter((h) => h.status < 300 && h.event);
  const seen = new Set(accepted.map((h) => h.event!.id));
  const lost = stream.filter((e) => !seen.has(e.id)).length;
  let outOfOrder = 0;
  const last = new Map<string, number>();
  for (const h of accepted) {
    const e = h.event as { id: string; channel: string; conversation?: string };
    const lane = e.conversation ?? `ch:${e.channel}`;
    if ((last.get(lane) ?? 0) > Number(e.id)) outOfOrder++;
    last.set(lane, Math.max(last.get(lane) ?? 0, Number(e.id)));
  }
  return { lost, outOfOrder, repeats: accepted.length - seen.size, accepted: seen.size };
}

export async function push(
  options: { messages: number; customers: number; seed: number },
  progress: Progress,
): Promise<CheckResult> {
  const random = seeded(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-chaos-push-'));
  const failures: string[] = [];
  const receiver = await startPushReceiver({ fail: 0.3, slow: 0.1, slowMs: [200, 800], random });
  const server = await startServer({
    db: openSqliteDatabase({ file: join(dir, 'push.db') }),
    adminToken,
    port: 0,
    logger: () => {},
    securityLogger: () => {},
    whatsapp: false,
    push: {
      allowLoopbackHttp: true,
      retryBaseMs: 20,
      retryMaxMs: 250,
      timeoutMs: 3_000,
      pollMs: 100,
      logger: () => {},
    },
  });
  const number = numberAt(0);
  const sdk = (token: string) =>
    createOneNumber({
      storage: createHttpStorage({ url: server.url, token }),
      directory: createHttpDirectory({ url: server.url, token }),
    });
  const admin = async (method: string, path: string, body?: unknown, token = adminToken) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const canaries: Record<Service, string[]> = { desk: [], crm: [], salesiq: [] };
  const streams = {} as Record<Service, { id: string }[]>;
  /** Each stream's last event before its subscription was created: it receives the events after. */
  const cursorAt = {} as Record<Service, number>;
  let figures: Record<string, number> = {};
  try {
    await admin('POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      agents: services.map((s) => ({ org: 'acme', id: `agent-${s}`, name: `Agent ${s}`, access: [s] })),
      numbers: [{ number, verified: true }],
    });
    const sdks = {} as Record<Service, OneNumber>;
    for (const service of services) {
      const { token } = await admin('POST', '/v1/admin/tokens', { org: 'acme', service });
      sdks[service] = sdk(token);
      await sdks[service].connect({ org: 'acme', service, number });
      cursorAt[service] = Number((await sdks[service].events({ org: 'acme', service })).at(-1)?.id ?? 0);
      const created = await admin('POST', '/v1/push/subscriptions', { url: `${receiver.base}/${service}` }, token);
      receiver.secrets.set(`/${service}`, created.secret);
    }
    const inbound = sdk(adminToken);
    const customers = Array.from({ length: options.customers }, (_, c) => `+8190${String(30000000 + c)}`);
    for (let m = 0; m < options.messages; m++) {
      const customer = customers[Math.floor(random() * customers.length)]!;
      await inbound.receive({ number, customer, text: `q${m}`, id: `wamid.push.${options.seed}.${m}` });
      if (random() < 0.2) {
        const service = services[Math.floor(random() * services.length)]!;
        const text = `canary-push-${service}-${m}`;
        const agent = `agent-${service}`;
        try {
          await sdks[service].assign({ org: 'acme', service, agent, number, customer, confirm: true });
          await sdks[service].reply({ org: 'acme', service, agent, number, customer, text });
          canaries[service].push(text);
        } catch (error) {
          if (!OneNumberError.isInstance(error)) throw error;
        }
      }
      if (m % 500 === 499) progress(`push: ${m + 1} messages sent, ${receiver.hits.length} requests so far`);
    }
    for (const service of services) streams[service] = await sdks[service].events({ org: 'acme', service });
    const started = Date.now();
    const done = () => services.every((s) => judge(hitsOf(s), streamAfterSubscribe(s)).lost === 0);
    const hitsOf = (s: Service) => receiver.hits.filter((h) => h.path === `/${s}`);
    const streamAfterSubscribe = (s: Service) => streams[s].filter((e) => Number(e.id) > cursorAt[s]);
    while (!done() && Date.now() - started < 600_000) await sleep(200);
    const report = await admin('GET', '/v1/admin/push');
    let lost = 0;
    let outOfOrder = 0;
    let repeats = 0;
    let accepted = 0;
    for (const s of services) {
      const r = judge(hitsOf(s), streamAfterSubscribe(s));
      lost += r.lost;
      outOfOrder += r.outOfOrder;
      repeats += r.repeats;
      accepted += r.accepted;
      if (r.lost) failures.push(`${s}: ${r.lost} events never delivered`);
      if (r.outOfOrder) failures.push(`${s}: ${r.outOfOrder} deliveries out of order within a conversation`);
      const text = hitsOf(s)
        .map((h) => h.body)
        .join('\n');
      for (const owner of services)
        if (owner !== s && canaries[owner].some((c) => text.includes(c)))
          failures.push(`${s} received one of ${owner}'s reply texts`);
    }
    const unverified = receiver.hits.filter((h) => !h.verified).length;
    if (unverified) failures.push(`${unverified} deliveries did not verify`);
    figures = {
      subscriptions: services.length,
      'messages sent': options.messages,
      replies: services.reduce((n, s) => n + canaries[s].length, 0),
      'events in the subscribed streams': services.reduce((n, s) => n + streamAfterSubscribe(s).length, 0),
      'events delivered': accepted,
      lost,
      'out of order per conversation': outOfOrder,
      repeats,
      requests: receiver.hits.length,
      'answered 500': receiver.hits.filter((h) => h.status === 500).length,
      'signatures not verified': unverified,
      'retried attempts (server)': report.worker.counters.retried,
      'dead letters': report.worker.counters.deadLettered,
      'seconds to drain after the last message': Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await server.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'push', figures: { ...figures, seed: options.seed }, failures };
}
