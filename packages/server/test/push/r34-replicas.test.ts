// R34 with several processes on one database: PostgreSQL replicas claim from one queue (SKIP
// LOCKED) without delivering anything twice and within each subscription's concurrency limit,
// all of them together; a replica SIGKILLed mid-delivery loses nothing (another, or itself
// restarted, takes its attempts once their lease lapses), and the only repeats are attempts that
// were in flight, counted by the servers. The same crash on one SQLite server, restarted on its
// file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { counterSum, tally } from './support/crash';
import {
  adminToken,
  buildServer,
  kill,
  killAll,
  startPushProcess,
  stopAll,
  type PushProcess,
} from './support/processes';
import { startReceiver, type Receiver } from './support/receiver';
import { seed } from './support/seed';

const push = {
  allowLoopbackHttp: true,
  concurrency: 4,
  timeoutMs: 2_000,
  leaseMarginMs: 500,
  retryBaseMs: 40,
  retryMaxMs: 300,
  pollMs: 100,
};
const customers = ['+819000000801', '+819000000802', '+819000000803', '+819000000804', '+819000000805'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let postgres: TestPostgres;
let modulePath: string;
let dir: string;
let processes: PushProcess[] = [];
let receiver: Receiver | undefined;

beforeAll(async () => {
  [postgres, modulePath] = await Promise.all([startPostgres(), buildServer()]);
  dir = mkdtempSync(join(tmpdir(), 'onenumber-push-crash-'));
}, 180_000);
afterEach(async () => {
  await stopAll(processes).catch(() => killAll());
  processes = [];
  await receiver?.close();
});
afterAll(async () => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
  await postgres?.stop();
}, 60_000);

async function replicas(count: number, target: string, schema: string): Promise<PushProcess[]> {
  const started = await Promise.all(
    Array.from({ length: count }, (_, i) => startPushProcess(modulePath, target, schema, `push-r${i + 1}`, push)),
  );
  processes.push(...started);
  return started;
}

/** Events through every server in turn, from several customers. */
async function traffic(world: Awaited<ReturnType<typeof seed>>, urls: string[], rounds: number) {
  let n = 0;
  for (let i = 0; i < rounds; i++) for (const c of customers) await world.inbound(c, `r${i}`, urls[n++ % urls.length]);
}

describe('R34 replicas and crashes', () => {
  it('R34: three PostgreSQL replicas deliver every event once, in order per conversation, within the concurrency limit', async () => {
    const servers = await replicas(3, postgres.url, postgres.schema());
    const urls = servers.map((s) => s.url);
    const world = await seed(urls[0]!, adminToken);
    receiver = await startReceiver();
    receiver.answer = () => ({ status: 204, delayMs: 5 + Math.floor(Math.random() * 20) });
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    receiver.secrets = [sub.secret];
    await traffic(world, urls, 12);
    const stream = (await world.stream('desk')).filter((e) => e.type === 'messageReceived');
    expect(stream).toHaveLength(60);
    await receiver.until(() => tally(receiver!, stream).missing.length === 0, 60_000);
    await sleep(300);
    const result = tally(receiver, stream);
    expect(result).toEqual({ missing: [], outOfOrder: 0, repeats: 0 });
    expect(receiver.received.every((r) => r.verifiedBy.length === 1)).toBe(true);
    expect(receiver.maxInFlight).toBeLessThanOrEqual(push.concurrency);
    const claimedBy = await Promise.all(urls.map((u) => counterSum([u], adminToken, 'claimed')));
    expect(claimedBy.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it('R34: a PostgreSQL replica SIGKILLed mid-delivery and restarted: nothing lost, order kept, repeats only for attempts in flight (counted)', async () => {
    const schema = postgres.schema();
    const servers = await replicas(3, postgres.url, schema);
    const world = await seed(servers[0]!.url, adminToken);
    receiver = await startReceiver();
    receiver.answer = () => ({ status: 204, delayMs: 150 });
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    receiver.secrets = [sub.secret];
    await traffic(
      world,
      servers.map((s) => s.url),
      8,
    );
    await receiver.until(() => receiver!.received.length >= 6 && receiver!.inFlight > 0, 60_000);
    // The victim: a replica with attempts in flight now.
    const inFlight = async (p: PushProcess) =>
      (
        (await (
          await fetch(`${p.url}/v1/admin/push`, { headers: { authorization: `Bearer ${adminToken}` } })
        ).json()) as any
      ).worker.inFlight as number;
    let victim = servers[0]!;
    for (const s of servers) if ((await inFlight(s)) > (await inFlight(victim))) victim = s;
    await kill(victim);
    processes[processes.indexOf(victim)] = await startPushProcess(modulePath, postgres.url, schema, 'push-r2b', push);
    const live = processes[processes.length - 1]!.url;
    const stream = (await world.stream('desk', undefined, live)).filter((e) => e.type === 'messageReceived');
    expect(stream).toHaveLength(40);
    await receiver.until(() => tally(receiver!, stream).missing.length === 0, 90_000);
    await sleep(300);
    const result = tally(receiver, stream);
    expect(result.missing).toEqual([]);
    expect(result.outOfOrder).toBe(0);
    const reclaimed = await counterSum(
      processes.map((p) => p.url),
      adminToken,
      'reclaimed',
    );
    expect(result.repeats).toBeLessThanOrEqual(reclaimed);
    expect(reclaimed).toBeGreaterThanOrEqual(1); // the victim had attempts in flight
    expect(reclaimed).toBeLessThanOrEqual(push.concurrency);
    console.log('push crash (PostgreSQL replica):', { ...result, reclaimed });
  }, 180_000);

  it('R34: one SQLite server SIGKILLed mid-delivery and restarted on its file: nothing lost, order kept, repeats counted', async () => {
    const file = join(dir, 'crash.sqlite');
    let [server] = await replicas(1, file, '-');
    const world = await seed(server!.url, adminToken);
    receiver = await startReceiver();
    receiver.answer = () => ({ status: 204, delayMs: 150 });
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    receiver.secrets = [sub.secret];
    await traffic(world, [server!.url], 8);
    await receiver.until(() => receiver!.received.length >= 6 && receiver!.inFlight > 0, 60_000);
    await kill(server!);
    server = await startPushProcess(modulePath, file, '-', 'push-sqlite-b', push);
    processes = [server];
    const wanted = (await world.stream('desk', undefined, server.url)).filter((e) => e.type === 'messageReceived');
    expect(wanted).toHaveLength(40);
    await receiver.until(() => tally(receiver!, wanted).missing.length === 0, 90_000);
    await sleep(300);
    const result = tally(receiver, wanted);
    expect(result.missing).toEqual([]);
    expect(result.outOfOrder).toBe(0);
    const reclaimed = await counterSum([server.url], adminToken, 'reclaimed');
    expect(result.repeats).toBeLessThanOrEqual(reclaimed);
    expect(reclaimed).toBeGreaterThanOrEqual(1); // it had attempts in flight when killed
    expect(reclaimed).toBeLessThanOrEqual(push.concurrency);
    console.log('push crash (SQLite):', { ...result, reclaimed });
  }, 180_000);
});
