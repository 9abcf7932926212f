// R34 on SQLite through the real server: a subscription receives exactly its service's stream
// (its filter applied), each delivery signed as Standard Webhooks says (verified with the
// `standardwebhooks` package), its body the event as that stream projects it (R17..R20: a leak
// scan of every body for another service's reply text), at least once and in order per
// conversation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './support/receiver';
import { expectSameStream } from './support/sameStream';
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

const lastId = async (service: 'crm' | 'desk' | 'salesiq') => (await world.stream(service)).at(-1)?.id as string;

describe('R34 push delivery (SQLite)', () => {
  it('R34: a subscription receives exactly its stream, each delivery signed and its body the stream’s event', async () => {
    const cursor = await lastId('desk');
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    expect(sub).toMatchObject({ org: 'acme', service: 'desk', state: 'active', types: null });
    expect(sub.secret).toMatch(/^whsec_/);
    receiver.secrets = [sub.secret];
    for (const customer of ['+819000000001', '+819000000002', '+819000000003']) await world.inbound(customer, 'hi');
    await world.reply('crm', '+819000000001', 'crm answers');
    await world.reply('desk', '+819000000002', 'desk answers');
    const stream = await world.stream('desk', cursor);
    expect(stream.length).toBeGreaterThanOrEqual(7);
    await receiver.until(() => receiver.delivered().length >= stream.length);
    await new Promise((r) => setTimeout(r, 200)); // nothing more arrives
    expect(receiver.received.every((r) => r.verifiedBy.length === 1)).toBe(true);
    const delivered = receiver.delivered();
    expectSameStream(
      delivered.map((r) => r.event),
      stream,
    );
    expect(delivered.map((r) => r.webhookId)).toEqual(delivered.map((r) => `${sub.id}.${r.event.id}`));
    expect(receiver.received.every((r) => Math.abs(Number(r.timestamp) - r.at / 1000) < 60)).toBe(true);
  });

  it('R34: a filter delivers only the types it names; another service’s subscription gets its own stream', async () => {
    const crmCursor = await lastId('crm');
    const crm = await world.subscribe(world.tokens.crm, receiver.url, { types: ['messageReceived'] });
    const other = await startReceiver();
    const salesiqCursor = await lastId('salesiq');
    const salesiq = await world.subscribe(adminToken, other.url, { org: 'acme', service: 'salesiq' });
    receiver.secrets = [crm.secret];
    other.secrets = [salesiq.secret];
    await world.inbound('+819000000001', 'one');
    await world.reply('crm', '+819000000001', 'two');
    await world.inbound('+819000000001', 'three');
    const wanted = (await world.stream('crm', crmCursor)).filter((e) => e.type === 'messageReceived');
    const all = await world.stream('salesiq', salesiqCursor);
    await receiver.until(() => receiver.delivered().length >= wanted.length);
    await other.until(() => other.delivered().length >= all.length);
    await new Promise((r) => setTimeout(r, 200));
    expectSameStream(
      receiver.delivered().map((r) => r.event),
      wanted,
    );
    expectSameStream(
      other.delivered().map((r) => r.event),
      all,
    );
    expect([...receiver.received, ...other.received].every((r) => r.verifiedBy.length === 1)).toBe(true);
    await other.close();
  });

  it('R17, R20: no delivered body carries another service’s reply text or agent (leak scan of every body)', async () => {
    const receivers = { crm: receiver, desk: await startReceiver(), salesiq: await startReceiver() };
    for (const service of ['crm', 'desk', 'salesiq'] as const) {
      const sub = await world.subscribe(world.tokens[service], receivers[service].url);
      receivers[service].secrets = [sub.secret];
    }
    await world.inbound('+819000000009', 'question');
    await world.reply('crm', '+819000000009', 'canary-crm-7f3a');
    await world.reply('desk', '+819000000009', 'canary-desk-91bc');
    const sent = (r: Receiver) => r.delivered().filter((d) => d.event.type === 'messageSent').length;
    for (const r of Object.values(receivers)) await r.until(() => sent(r) >= 2);
    const bodies = (r: Receiver) => r.received.map((d) => d.body).join('\n');
    expect(bodies(receivers.crm)).toContain('canary-crm-7f3a');
    expect(bodies(receivers.crm)).not.toContain('canary-desk');
    expect(bodies(receivers.desk)).toContain('canary-desk-91bc');
    expect(bodies(receivers.desk)).not.toContain('canary-crm');
    expect(bodies(receivers.salesiq)).not.toMatch(/canary-/);
    expect(bodies(receivers.salesiq)).not.toMatch(/agent-(crm|desk)/);
    const masked = receivers.salesiq.delivered().filter((d) => d.event.type === 'messageSent');
    expect(masked.every((d) => d.event.message.text === null && d.event.message.masked === true)).toBe(true);
    await receivers.desk.close();
    await receivers.salesiq.close();
  });

  it('R34: each conversation keeps its order when several are delivered at once', async () => {
    const cursor = await lastId('desk');
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    receiver.secrets = [sub.secret];
    receiver.answer = () => ({ status: 204, delayMs: Math.floor(Math.random() * 15) });
    const customers = ['+819000000011', '+819000000012', '+819000000013', '+819000000014'];
    await Promise.all(
      customers.map(async (c) => {
        for (let i = 0; i < 6; i++) await world.inbound(c, `m${i}`);
      }),
    );
    const stream = await world.stream('desk', cursor);
    await receiver.until(() => receiver.delivered().length >= stream.length);
    expect(new Set(receiver.delivered().map((r) => r.event.id))).toEqual(new Set(stream.map((e) => e.id)));
    for (const c of customers) {
      const ids = receiver
        .delivered()
        .filter((r) => r.event.customer === c)
        .map((r) => Number(r.event.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });
});
