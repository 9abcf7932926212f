// push-fanout (R34): events delivered per second to three subscriptions (crm, desk, salesiq) by the
// server's push worker (a durable queue, claims, order per conversation, signatures, outcomes
// recorded), the queue filled first and then released at once, against a hand-written loop
// POSTing the same bodies to the same endpoints with the same concurrency; and push-p99: the time
// from a message's commit (its acknowledgement) to each subscription receiving its event, with
// messages offered at 500/s. Server, receiver and load each run in a process of their own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, ratioOf, round, type Progress, type Result, type Sizes } from '../harness';
import { baselineLoop } from './pushBaseline';
import { startBenchReceiver } from './pushReceiver';
import { startPushServer } from './pushServer';
import { number, services } from './world';

/** The server's default concurrency per subscription; the baseline loop uses the same. */
const concurrency = 16;
const customers = 64;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

export async function pushFanout(sizes: Sizes, progress: Progress): Promise<Result[]> {
  const messages = sizes.quick ? 100 : 4_000;
  const offered = sizes.quick ? 100 : 5_000;
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-bench-push-'));
  const receiver = await startBenchReceiver();
  const server = await startPushServer(join(dir, 'push.db'));
  const receive = (i: number, prefix: string) =>
    server.call('POST', '/v1/storage/receive', {
      number,
      customer: `+8190${String(40000000 + (i % customers))}`,
      providerId: `wamid.${prefix}.${i}`,
      type: 'text',
      text: `${prefix}-${i}`,
      raw: null,
      at: new Date().toISOString(),
    });
  const until = async (count: number) => {
    while ((await receiver.stats()).total < count) await sleep(5);
  };
  try {
    await server.call('POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      agents: [],
      numbers: [{ number, verified: true }],
    });
    const subscriptions: string[] = [];
    for (const service of services) {
      const { token } = await server.call('POST', '/v1/admin/tokens', { org: 'acme', service });
      const connect = { org: 'acme', number, service, mode: 'shared', reason: 'bundle', at: new Date().toISOString() };
      await server.call('POST', '/v1/storage/connect', connect, token);
      const target = { url: `${receiver.base}/${service}`, types: ['messageReceived'] };
      subscriptions.push((await server.call('POST', '/v1/push/subscriptions', target, token)).id);
    }

    // 1. Throughput: the queue filled while paused, then released; timed until every delivery arrived.
    progress(`push-fanout: ${messages} messages queued for 3 paused subscriptions, then released`);
    for (const id of subscriptions) await server.call('POST', `/v1/push/subscriptions/${id}/pause`);
    for (let i = 0; i < messages; i++) await receive(i, 'tp');
    await receiver.reset();
    const started = performance.now();
    for (const id of subscriptions) await server.call('POST', `/v1/push/subscriptions/${id}/resume`);
    await until(3 * messages);
    const ours = (3 * messages) / ((performance.now() - started) / 1000);
    progress(`push-fanout: ${round(ours, 0)} deliveries/s; then the hand-written loop with the same bodies`);
    const targets = [];
    for (const service of services) {
      const bodies: string[] = [];
      for (let after = '0'; ; ) {
        const page = (await server.call('POST', '/v1/storage/events', {
          org: 'acme',
          service,
          after,
          limit: 1000,
        })) as unknown as {
          id: string;
          type: string;
        }[];
        for (const e of page) if (e.type === 'messageReceived') bodies.push(JSON.stringify(e));
        if (page.length < 1000) break;
        after = page.at(-1)!.id;
      }
      targets.push({ url: `${receiver.base}/${service}`, bodies });
    }
    const baseline = await baselineLoop(targets, concurrency);

    // 2. Latency: messages offered at 500/s, each event timed from the message's acknowledgement.
    progress(`push-p99: ${offered} messages offered at 500/s`);
    await receiver.reset();
    const acked = new Map<string, number>();
    const t0 = performance.now();
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < offered; i++) {
      const wait = t0 + i * 2 - performance.now();
      if (wait > 1) await sleep(wait);
      sends.push(receive(i, 'lat').then(() => acked.set(`lat-${i}`, now())));
    }
    await Promise.all(sends);
    await until(3 * offered);
    const { arrivals } = await receiver.stats();
    const latencies = arrivals.map(([label, at]) => Math.max(0, at - (acked.get(label) ?? at)));
    const ratio = ratioOf(ours, baseline);
    const p99 = round(percentile(latencies, 99), 1);
    return [
      {
        name: 'push-fanout',
        value: round(ours, 0),
        unit: 'deliveries/s',
        baseline: round(baseline, 0),
        ratio,
        goal: 'ratio >= 0.5',
        met: ratio >= 0.5,
        note: `${messages} messages x 3 subscriptions, ${customers} conversations, ${concurrency} in flight per subscription`,
      },
      {
        name: 'push-p99',
        value: p99,
        unit: 'ms p99',
        baseline: null,
        ratio: null,
        goal: 'reported (commit to delivery at 500 msgs/s)',
        met: true,
        note: `p50 ${round(percentile(latencies, 50), 1)} ms; ${latencies.length} deliveries of ${offered} messages offered at 500/s, from each message's acknowledgement`,
      },
    ];
  } finally {
    await server.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
