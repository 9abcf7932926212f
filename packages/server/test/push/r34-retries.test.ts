// R34 on SQLite through the real server: a receiver down for a while loses nothing and each
// conversation keeps its order; a failing event holds back only its own conversation (never
// other conversations, never other subscriptions); retries honour Retry-After; past the horizon
// an event is dead-lettered with its last answer, later events of its conversation flow, and it
// can be delivered again; 410 Gone deletes the subscription.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './support/receiver';
import { adminToken, pushWorld, type PushWorld } from './support/world';

let world: PushWorld;
let receiver: Receiver;

const setup = async (push = {}) => {
  world = await pushWorld({ push });
  receiver = await startReceiver();
};
afterEach(async () => {
  await world.close();
  await receiver.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const texts = (r: Receiver, customer: string) =>
  r
    .delivered()
    .filter((d) => d.event.type === 'messageReceived' && d.event.customer === customer)
    .map((d) => d.event.message.text);
const inOrder = (ids: number[]) => ids.every((id, i) => i === 0 || ids[i - 1]! < id);

describe('R34 retries, holding and dead letters (SQLite)', () => {
  beforeEach(() => setup());

  it('R34: a receiver down for a while, then up: nothing lost, each conversation in order', async () => {
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    receiver.secrets = [sub.secret];
    await receiver.down();
    const customers = ['+819000000101', '+819000000102', '+819000000103'];
    for (let i = 0; i < 8; i++) for (const c of customers) await world.inbound(c, `m${i}`);
    await sleep(500);
    await receiver.up();
    for (const c of customers) await receiver.until(() => texts(receiver, c).length === 8);
    for (const c of customers) expect(texts(receiver, c)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
    // Order per conversation in arrival order, repeats included: never an older one after a newer one was accepted.
    for (const c of customers) {
      const accepted = receiver.received.filter((r) => r.status < 300 && r.event.customer === c);
      expect(inOrder([...new Set(accepted.map((r) => Number(r.event.id)))])).toBe(true);
    }
    const log = async () =>
      (await world.call('GET', `/v1/push/subscriptions/${sub.id}/deliveries?limit=1000`, adminToken)).body as any[];
    const deadline = Date.now() + 10_000;
    while (!(await log()).every((d) => d.state === 'delivered')) {
      if (Date.now() > deadline) throw new Error('not all recorded as delivered');
      await sleep(20);
    }
    expect((await log()).some((d) => d.attempts > 1)).toBe(true);
  });

  it('R34: a failing event holds back only its conversation: other conversations and other subscriptions flow', async () => {
    const held = '+819000000201';
    const free = '+819000000202';
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    const other = await startReceiver();
    const crm = await world.subscribe(world.tokens.crm, other.url);
    receiver.secrets = [sub.secret];
    other.secrets = [crm.secret];
    let failing = true;
    receiver.answer = (r) =>
      failing && r.event?.customer === held ? { status: 500, body: 'not now' } : { status: 204 };
    await world.inbound(held, 'h0');
    await world.inbound(held, 'h1');
    for (let i = 0; i < 5; i++) await world.inbound(free, `f${i}`);
    await receiver.until(() => texts(receiver, free).length === 5);
    await other.until(() => texts(other, held).length === 2 && texts(other, free).length === 5);
    expect(texts(receiver, held)).toEqual([]);
    // h1 was never even tried while h0 failed: held back, not sent out of order.
    expect(receiver.received.filter((r) => r.event?.message?.text === 'h1')).toEqual([]);
    failing = false;
    await receiver.until(() => texts(receiver, held).length === 2);
    expect(texts(receiver, held)).toEqual(['h0', 'h1']);
    await other.close();
  });

  it('R34: Retry-After is honoured before the next attempt', async () => {
    const sub = await world.subscribe(world.tokens.desk, receiver.url, { types: ['messageReceived'] });
    receiver.secrets = [sub.secret];
    let first = true;
    receiver.answer = () => {
      if (!first) return { status: 204 };
      first = false;
      return { status: 429, headers: { 'retry-after': '1' } };
    };
    await world.inbound('+819000000301', 'wait');
    await receiver.until(() => receiver.delivered().length === 1);
    const [refusal, accepted] = receiver.received;
    expect(refusal!.status).toBe(429);
    expect(accepted!.at - refusal!.at).toBeGreaterThanOrEqual(950);
    expect(accepted!.webhookId).toBe(refusal!.webhookId);
  });

  it('R34: 410 Gone deletes the subscription; nothing more is sent to it', async () => {
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    receiver.answer = () => ({ status: 410 });
    await world.inbound('+819000000401', 'gone');
    await receiver.until(() => receiver.received.length >= 1);
    const deadline = Date.now() + 10_000;
    while ((await world.call('GET', `/v1/push/subscriptions/${sub.id}`, adminToken)).status !== 404) {
      if (Date.now() > deadline) throw new Error('not deleted');
      await sleep(20);
    }
    expect(world.logs.some((l) => l.push === 'subscription.gone' && l.subscription === sub.id)).toBe(true);
    const seen = receiver.received.length;
    await world.inbound('+819000000401', 'after');
    await sleep(300);
    expect(receiver.received.length).toBe(seen);
    expect((await world.call('GET', '/v1/admin/push', adminToken)).body.worker.counters.gone).toBe(1);
  });
});

describe('R34 dead letters (SQLite, a short horizon)', () => {
  beforeEach(() => setup({ horizonMs: 400, retryBaseMs: 50, retryMaxMs: 100 }));

  it('R34: past the horizon an event is dead-lettered with its last answer; later events of its conversation flow; it can be delivered again', async () => {
    const customer = '+819000000501';
    const sub = await world.subscribe(world.tokens.desk, receiver.url, { types: ['messageReceived'] });
    receiver.secrets = [sub.secret];
    receiver.answer = (r) => (r.event?.message?.text === 'poison' ? { status: 503, body: 'busy, try later' } : {});
    await world.inbound(customer, 'poison');
    await world.inbound(customer, 'after-1');
    await world.inbound(customer, 'after-2');
    await receiver.until(() => texts(receiver, customer).length === 2, 20_000);
    expect(texts(receiver, customer)).toEqual(['after-1', 'after-2']);
    const dead = await world.call('GET', `/v1/push/subscriptions/${sub.id}/deliveries?state=dead`, world.tokens.desk);
    expect(dead.body).toHaveLength(1);
    expect(dead.body[0]).toMatchObject({ state: 'dead', lastStatus: 503, inFlight: false });
    expect(dead.body[0].lastError).toContain('busy, try later');
    expect(dead.body[0].attempts).toBeGreaterThan(1);
    expect(world.logs.some((l) => l.push === 'delivery.dead' && l.webhookId === dead.body[0].webhookId)).toBe(true);
    const report = await world.call('GET', '/v1/admin/push', adminToken);
    expect(report.body.worker.counters.deadLettered).toBe(1);
    expect(report.body.queue).toEqual([
      expect.objectContaining({ subscription: sub.id, dead: 1, delivered: 2, pending: 0 }),
    ]);
    receiver.answer = () => ({ status: 204 });
    const again = await world.call('POST', `/v1/push/subscriptions/${sub.id}/redeliver`, world.tokens.desk, {
      event: dead.body[0].event,
    });
    expect(again.body).toEqual({ queued: true });
    await receiver.until(() => texts(receiver, customer).includes('poison'));
    const redelivered = receiver.delivered().find((d) => d.event.message.text === 'poison')!;
    expect(redelivered.webhookId).toBe(dead.body[0].webhookId);
  });
});
