// Sending through the server (issue 5, R16, R17): a reply a service makes over HTTP is queued with
// it, and the server's outbox worker sends it to the Graph API (msw, real shapes) with
// biz_opaque_callback_data, records it, and its statuses come back on the webhook. Error codes
// decide: 131047 is final and reported, 130429 is retried, 190 holds the reply and pauses sending
// until resumed (R38).
// Fairness: a backlog from one service does not hold back another's replies on the same number.
import { decodeCallbackData, messagePayload, statusPayload } from '@onenumber/whatsapp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { adminToken } from '../http/support/server';
import { tempDbFile } from '../http/support/tempFiles';
import { accepted, createGraphMock, graphError } from './support/graphMock';
import { N, PNID, agents, line, until, whatsappWorld, type WhatsAppWorld } from './support/world';

const graph = createGraphMock();
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => graph.server.close());
beforeEach(() => graph.reset());

const taro = '+819012345678';
const sending = { accessToken: 'graph-token-1', pollMs: 20, leaseMs: 5_000, backoff: { baseMs: 10, maxMs: 40 } };
let world: WhatsAppWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const writes = (customer: string, id: string) =>
  world!.deliver(
    messagePayload(line(N), { phone: customer }, { id, at: Date.now(), type: 'text', content: { body: 'hello?' } }),
  );
const counters = async () => (await world!.report()).sender.counters;
const messageIn = async (service: 'crm' | 'desk', id: string, customer = taro) =>
  (await world!.view(service, N, customer)).find((m) => m.id === id)!;

describe('a reply goes out through the outbox worker', () => {
  it("R16: sent from the number's phone_number_id with biz_opaque_callback_data, recorded, and its statuses come back (R17)", async () => {
    world = await whatsappWorld(sending);
    expect((await world.server.call('GET', '/health', null)).body.whatsapp).toEqual({ webhook: true, sender: true });
    await writes(taro, 'wamid.in.1');
    const { message } = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
      text: 'It ships today.',
    });
    await until(async () => (await counters()).sent === 1, 'the send');
    expect(graph.calls).toHaveLength(1);
    const [call] = graph.calls;
    expect(call).toMatchObject({ version: 'v23.0', phoneNumberId: PNID, authorization: 'Bearer graph-token-1' });
    expect(call!.body).toMatchObject({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: taro.slice(1),
      type: 'text',
      text: { body: 'It ships today.' },
    });
    expect(decodeCallbackData(call!.body.biz_opaque_callback_data)).toEqual({ org: 'acme', service: 'crm', message });
    expect(await world.server.db.outbox.findByProviderId(call!.wamid!)).toEqual({ id: message, org: 'acme' });

    // Meta's statuses name the wamid (routed by the recorded provider id), in any order.
    for (const status of ['sent', 'read', 'delivered'] as const) {
      expect(
        (await world.deliver(statusPayload(line(N), { phone: taro }, { id: call!.wamid!, status, at: Date.now() })))
          .status,
      ).toBe(200);
    }
    expect(await messageIn('crm', message)).toMatchObject({ text: 'It ships today.', status: 'read' });
    expect(await messageIn('desk', message)).toMatchObject({ text: null, masked: true, status: 'read' });
    const report = await world.report();
    expect(report.sender).toMatchObject({
      on: true,
      running: true,
      transport: 'graph',
      graphUrl: 'https://graph.facebook.com',
      paused: null,
    });
    expect(JSON.stringify(report)).not.toContain('graph-token-1');
  });

  it('131047 (window closed) is not retried: the reply is failed with its code, in every service (R17)', async () => {
    world = await whatsappWorld(sending);
    graph.answer(graphError(131047));
    await writes(taro, 'wamid.in.2');
    const { message } = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
      text: 'Late reply',
    });
    await until(async () => (await counters()).failed === 1, 'the failure');
    expect(graph.calls).toHaveLength(1);
    expect(await counters()).toMatchObject({ sent: 0, retried: 0, failed: 1, windowClosed: 1 });
    expect(await messageIn('crm', message)).toMatchObject({ status: 'failed', error: { code: 131047 } });
    expect(await messageIn('desk', message)).toMatchObject({ status: 'failed', masked: true, text: null });
    const events = await world.events('desk');
    expect(events.find((e) => e.type === 'statusChanged')).toMatchObject({ status: 'failed', error: { code: 131047 } });
  });

  it('130429 (rate limit) is retried with backoff, then succeeds: one reply, sent once', async () => {
    world = await whatsappWorld(sending);
    graph.answer(graphError(130429));
    await writes(taro, 'wamid.in.3');
    const { message } = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
      text: 'Try again',
    });
    await until(async () => (await counters()).sent === 1, 'the send after the retry');
    expect(graph.calls).toHaveLength(2);
    expect(graph.calls.map((c) => decodeCallbackData(c.body.biz_opaque_callback_data)?.message)).toEqual([
      message,
      message,
    ]);
    expect(await counters()).toMatchObject({ sent: 1, retried: 1, failed: 0 });
    expect(await messageIn('crm', message)).toMatchObject({ status: 'sent', error: null });
  });

  it('R38: 190 (token expired) holds the reply (never failed) and pauses the worker; resuming with a new token sends it, then what waited', async () => {
    world = await whatsappWorld(sending);
    graph.otherwise((call) => (call.authorization === 'Bearer graph-token-2' ? accepted(call) : graphError(190)(call)));
    await writes(taro, 'wamid.in.4');
    const first = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
      text: 'One',
    });
    await until(async () => (await world!.report()).sender.paused === 'auth', 'the pause');
    expect(await counters()).toMatchObject({ authErrors: 1, failed: 0, sent: 0 });
    expect(await messageIn('crm', first.message)).toMatchObject({ error: null });
    expect((await messageIn('crm', first.message)).status).not.toBe('failed');

    const second = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
      text: 'Two',
    });
    expect((await world.server.call('POST', '/v1/admin/whatsapp/resume', world.tokens.crm, {})).status).toBe(403);
    const resumed = await world.server.call('POST', '/v1/admin/whatsapp/resume', adminToken, {
      accessToken: 'graph-token-2',
    });
    expect(resumed).toMatchObject({ status: 200, body: { paused: null } });
    await until(async () => (await counters()).sent === 2, 'the sends after resume');
    expect(graph.calls.map((c) => c.authorization)).toEqual([
      'Bearer graph-token-1',
      'Bearer graph-token-2',
      'Bearer graph-token-2',
    ]);
    expect(graph.calls.map((c) => decodeCallbackData(c.body.biz_opaque_callback_data)?.message)).toEqual([
      first.message,
      first.message,
      second.message,
    ]);
    expect(await counters()).toMatchObject({ authErrors: 1, failed: 0 });
  });
});

describe('fairness: one number, two services, a backlog', () => {
  it("R16: 40 queued crm replies do not hold back 5 desk replies: desk's go out within the first 10 sends", async () => {
    const file = tempDbFile();
    world = await whatsappWorld({}, { db: openSqliteDatabase({ file }) }); // sender off: the backlog builds up
    await writes('+819011112222', 'wamid.fair.crm');
    await writes('+819011113333', 'wamid.fair.desk');
    for (let i = 0; i < 40; i++)
      await world.sdk.crm.reply({
        org: 'acme',
        service: 'crm',
        agent: agents.crm,
        number: N,
        customer: '+819011112222',
        text: `crm ${i}`,
      });
    for (let i = 0; i < 5; i++)
      await world.sdk.desk.reply({
        org: 'acme',
        service: 'desk',
        agent: agents.desk,
        number: N,
        customer: '+819011113333',
        text: `desk ${i}`,
      });
    await world.close();

    // The same database, now sending at 80/s; fairness between services, not a customer's pacing
    // (40 replies to one customer would take 4 minutes at the pair rate: pairPacing.test.ts).
    world = await whatsappWorld({ ...sending, perCustomer: false }, { db: openSqliteDatabase({ file }) });
    await until(async () => (await counters()).sent === 45, 'the backlog', 60_000);
    const services = graph.calls.map((c) => decodeCallbackData(c.body.biz_opaque_callback_data)!.service);
    expect(services.filter((s) => s === 'desk')).toHaveLength(5);
    expect(services.lastIndexOf('desk')).toBeLessThan(10);
    expect(graph.calls.filter((c) => c.body.text?.body.startsWith('crm')).map((c) => c.body.text!.body)).toEqual(
      Array.from({ length: 40 }, (_, i) => `crm ${i}`),
    );
  }, 90_000);
});
