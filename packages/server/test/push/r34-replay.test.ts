// R34: replay and inspection through the service's own token or the admin's: the delivery log
// (each event's attempts, last status, latency, last error, state), redelivery of one event and of
// everything after an event id (the filter still applies; the same webhook-id, so a receiver can
// tell a redelivery), and GET /v1/admin/push's counters and queue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './support/receiver';
import { adminToken, pushWorld, type PushWorld } from './support/world';

let world: PushWorld;
let receiver: Receiver;

beforeEach(async () => {
  world = await pushWorld();
  receiver = await startReceiver();
});
afterEach(async () => {
  await world.close();
  await receiver.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('R34 replay and inspection (SQLite)', () => {
  it('R34: the delivery log shows attempts, status, latency and errors; replay after an event id and redeliver one', async () => {
    const cursor = (await world.stream('desk')).at(-1)!.id as string;
    const sub = await world.subscribe(world.tokens.desk, receiver.url, { types: ['messageReceived'] });
    receiver.secrets = [sub.secret];
    let failures = 2;
    receiver.answer = () => (failures-- > 0 ? { status: 503, body: 'warming up' } : { status: 200 });
    for (const text of ['a', 'b', 'c']) await world.inbound('+819000000901', text);
    await receiver.until(() => receiver.delivered().length === 3);
    const path = `/v1/push/subscriptions/${sub.id}/deliveries`;
    let log: any[] = [];
    const deadline = Date.now() + 10_000;
    while ((log = (await world.call('GET', path, world.tokens.desk)).body).some((d: any) => d.state !== 'delivered')) {
      if (Date.now() > deadline) throw new Error('log not complete');
      await sleep(20);
    }
    expect(log.map((d) => d.state)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(log[0]).toMatchObject({ attempts: 3, lastStatus: 200, inFlight: false });
    expect(log[0].lastError).toBeUndefined();
    expect(log[0].latencyMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(log[0].doneAt)).toBeGreaterThanOrEqual(Date.parse(log[0].firstAttemptAt));
    expect(log.map((d) => d.webhookId)).toEqual(receiver.delivered().map((r) => r.webhookId));
    // Paging by delivery id, and by state.
    expect((await world.call('GET', `${path}?after=${log[0].id}&limit=1`, adminToken)).body).toEqual([log[1]]);
    expect((await world.call('GET', `${path}?state=dead`, adminToken)).body).toEqual([]);
    expect((await world.call('GET', `${path}?limit=0`, adminToken)).status).toBe(400);

    const replay = await world.call('POST', `/v1/push/subscriptions/${sub.id}/replay`, world.tokens.desk, {
      after: cursor,
    });
    expect(replay.body).toEqual({ queued: 3, last: log[2].event });
    await receiver.until(() => receiver.received.filter((r) => r.status < 300).length === 6);
    const again = receiver.received.filter((r) => r.status < 300).slice(3);
    expect(again.map((r) => r.event.message.text)).toEqual(['a', 'b', 'c']);
    expect(again.map((r) => r.webhookId)).toEqual(log.map((d) => d.webhookId));
    const one = await world.call('POST', `/v1/push/subscriptions/${sub.id}/redeliver`, world.tokens.desk, {
      event: log[1].event,
    });
    expect(one.body).toEqual({ queued: true });
    await receiver.until(() => receiver.received.filter((r) => r.status < 300).length === 7);
    // An event the filter excludes (a membership event of the stream) is not queued.
    const excluded = (await world.stream('desk')).find((e) => e.type !== 'messageReceived')!;
    expect(
      (await world.call('POST', `/v1/push/subscriptions/${sub.id}/redeliver`, adminToken, { event: excluded.id })).body,
    ).toEqual({ queued: false });
    expect(
      (await world.call('POST', `/v1/push/subscriptions/${sub.id}/redeliver`, adminToken, { event: 'x' })).status,
    ).toBe(400);
    // Another service cannot read or replay it.
    expect((await world.call('GET', path, world.tokens.crm)).status).toBe(404);
    expect(
      (await world.call('POST', `/v1/push/subscriptions/${sub.id}/replay`, world.tokens.crm, { after: '0' })).status,
    ).toBe(404);

    const report = (await world.call('GET', '/v1/admin/push', adminToken)).body;
    expect(report.worker).toMatchObject({ running: true, inFlight: 0 });
    expect(report.worker.counters).toMatchObject({ delivered: 7, failedAttempts: 2, retried: 2, deadLettered: 0 });
    expect(report.queue).toEqual([{ subscription: sub.id, pending: 0, delivered: 7, dead: 0, oldestPendingAt: null }]);
    expect((await world.call('GET', '/v1/admin/push', world.tokens.desk)).status).toBe(403);
  });
});
