// The WhatsApp webhook through the real server on SQLite (issue 5): the challenge, the signature
// over the raw bytes (401, nothing stored), the shape (400, nothing stored), a batch of 2 entries
// x 2 changes x 3 messages fanned out to every member (R15), redelivery stored once, statuses out
// of order ending in the right state and visible masked to the other services (R17, R20), and
// routing by phone_number_id.
import {
  contactObject,
  encodeCallbackData,
  messageObject,
  messagePayload,
  signWebhookBody,
  statusPayload,
  type WebhookPayloadInput,
} from '@onenumber/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminToken } from '../http/support/server';
import {
  APP_SECRET,
  N,
  N2,
  PNID,
  VERIFY,
  WABA,
  agents,
  line,
  whatsappWorld,
  type Service,
  type WhatsAppWorld,
} from './support/world';

let world: WhatsAppWorld;
beforeEach(async () => {
  world = await whatsappWorld();
}, 30_000);
afterEach(async () => world.close());

const taro = '+819012345678';
const text = (id: string, body: string, customer = taro, number = N) =>
  messagePayload(
    line(number),
    { phone: customer, name: 'Taro' },
    { id, at: Date.now(), type: 'text', content: { body } },
  );
const received = async (service: Service) => (await world.events(service)).filter((e) => e.type === 'messageReceived');
const stored = async () =>
  (await Promise.all((['crm', 'desk', 'salesiq', 'books'] as const).map(received))).flat().length;

/** 2 entries x 2 changes (one per number) x 3 messages, from three customers. */
function batch(): WebhookPayloadInput {
  const customers = ['+819011110001', '+819011110002', '+819011110003'];
  return {
    object: 'whatsapp_business_account',
    entry: [0, 1].map((e) => ({
      id: WABA,
      changes: [N, N2].map((number, c) => ({
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: {
            display_phone_number: line(number).displayPhoneNumber,
            phone_number_id: line(number).phoneNumberId,
          },
          contacts: customers.map((phone) =>
            contactObject({ phone: phone.slice(1), name: `Customer ${phone.slice(-1)}` }),
          ),
          messages: customers.map((phone, m) =>
            messageObject(
              { phone: phone.slice(1) },
              {
                id: `wamid.batch.${e}.${c}.${m}`,
                at: '2026-01-01T09:00:00Z',
                type: 'text',
                content: { body: `message ${e}.${c}.${m}` },
              },
            ),
          ),
        },
      })),
    })),
  };
}

describe('GET /webhooks/whatsapp: the subscription challenge', () => {
  it('answers 200 with hub.challenge exactly for the right verify token, 403 for a wrong one; no bearer token either way', async () => {
    const get = (token: string) =>
      fetch(
        `${world.server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`,
      );
    const right = await get(VERIFY);
    expect(right.status).toBe(200);
    expect(await right.text()).toBe('1158201444');
    const wrong = await get('not-the-token');
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: 'UNAUTHORIZED' });
    expect((await world.report()).webhook).toMatchObject({ on: true, challenges: 1, challengesRefused: 1 });
  });
});

describe('POST /webhooks/whatsapp: signature over the raw bytes, then shape', () => {
  it('unsigned, mis-signed and tampered deliveries are 401 and store nothing', async () => {
    const body = JSON.stringify(text('wamid.sig', 'hello'));
    expect((await world.post(body, null)).status).toBe(401);
    expect((await world.post(body, signWebhookBody(body, 'another-secret'))).status).toBe(401);
    expect((await world.post(body.replace('hello', 'HELLO'), signWebhookBody(body, APP_SECRET))).status).toBe(401);
    expect((await world.post(body, 'sha256=zz')).body).toMatchObject({ error: 'UNAUTHORIZED' });
    expect(await stored()).toBe(0);
    expect((await world.report()).webhook).toMatchObject({ accepted: 0, unauthorized: 4 });
  });

  it('a delivery signed over pretty-printed bytes is accepted as received, and stored', async () => {
    const pretty = JSON.stringify(text('wamid.pretty', 'こんにちは 👋'), null, 2).replace(/\n/g, '\r\n');
    expect(await world.post(pretty)).toMatchObject({ status: 200, body: { ok: true, messages: 1 } });
    const [event] = await received('crm');
    expect(event).toMatchObject({
      type: 'messageReceived',
      customer: taro,
      message: { direction: 'in', text: 'こんにちは 👋' },
    });
  });

  it('signed garbage is 400 and stores nothing: not JSON, not an object, the wrong shape', async () => {
    for (const body of [
      '{ not json',
      '[1,2]',
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: WABA,
            changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', messages: [{ id: 1 }] } }],
          },
        ],
      }),
    ]) {
      const answer = await world.post(body);
      expect(answer.status, body).toBe(400);
      expect(answer.body).toMatchObject({ error: 'INVALID_INPUT' });
    }
    expect(await stored()).toBe(0);
    expect((await world.report()).webhook).toMatchObject({ accepted: 0, invalid: 3 });
  });
});

describe('R15: every item of a batch, fanned out to every member, stored once', () => {
  it("2 entries x 2 changes x 3 messages: all 12 stored, delivered to every active member and isolated channel, in each service's events", async () => {
    const answer = await world.deliver(batch());
    expect(answer).toMatchObject({ status: 200, body: { ok: true, messages: 12, statuses: 0 } });
    const wamids = (events: Awaited<ReturnType<typeof received>>) =>
      events.map((e) => (e.message.raw as { id: string }).id).sort();
    const onN = [0, 1].flatMap((e) => [0, 1, 2].map((m) => `wamid.batch.${e}.0.${m}`)).sort();
    const onN2 = [0, 1].flatMap((e) => [0, 1, 2].map((m) => `wamid.batch.${e}.1.${m}`)).sort();
    expect(wamids(await received('crm'))).toEqual([...onN, ...onN2].sort());
    expect(wamids(await received('desk'))).toEqual([...onN, ...onN2].sort());
    expect(wamids(await received('salesiq'))).toEqual(onN);
    expect(wamids(await received('books'))).toEqual(onN); // R15, R26: the isolated channel gets its own copy
    const view = await world.view('salesiq', N, '+819011110002');
    expect(view.map((m) => m.text)).toEqual(['message 0.0.1', 'message 1.0.1']);
    expect((await world.report()).webhook).toMatchObject({ accepted: 1, messages: { received: 12, duplicates: 0 } });
  });

  it('a redelivery of the same batch is answered 200 and stores nothing again (dedupe on the wamid)', async () => {
    const body = JSON.stringify(batch());
    expect((await world.post(body)).status).toBe(200);
    const before = await stored();
    expect(before).toBe(12 + 12 + 6 + 6);
    expect((await world.post(body)).status).toBe(200);
    expect((await world.post(JSON.stringify(batch(), null, 1))).status).toBe(200); // same messages, other bytes
    expect(await stored()).toBe(before);
    expect((await world.report()).webhook.messages).toEqual({ received: 12, duplicates: 24, unroutable: 0 });
  });

  it('R29: a phone_number_id nobody registered is parked (200) and stores nothing; once registered, it is routed', async () => {
    const unknown = messagePayload(
      { account: WABA, phoneNumberId: '999000999', displayPhoneNumber: N2.slice(1) },
      { phone: taro },
      { id: 'wamid.later', at: '2026-01-01T09:00:00Z', type: 'text', content: { body: 'anyone?' } },
    );
    const body = JSON.stringify(unknown);
    expect((await world.post(body)).status).toBe(200);
    expect(await stored()).toBe(0);
    expect((await world.report()).webhook).toMatchObject({ failed: 0, parked: { parked: 1, routed: 0 } });
    await world.server.call('PUT', '/v1/admin/numbers', adminToken, {
      number: N2,
      verified: true,
      phoneNumberId: '999000999',
    });
    expect((await received('crm')).map((e) => e.message.text)).toEqual(['anyone?']); // routed by the registration
    expect((await world.post(body)).status).toBe(200); // WhatsApp's redelivery: stored once
    expect((await received('crm')).map((e) => e.message.text)).toEqual(['anyone?']);
  });
});

describe('R17: statuses only move forward, whatever order they arrive in, and reach every service masked', () => {
  it('read before delivered ends in read; the other services see the status but never the text or agent (R20)', async () => {
    expect((await world.deliver(text('wamid.q', 'Where is my order?'))).status).toBe(200);
    const canary = `canary-${Math.random().toString(36).slice(2)}`;
    const { message } = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
      text: canary,
    });
    const status = (value: 'delivered' | 'read') =>
      statusPayload(
        line(N),
        { phone: taro },
        {
          id: 'wamid.reply.1',
          status: value,
          at: '2026-01-01T09:01:00Z',
          bizOpaqueCallbackData: encodeCallbackData({ org: 'acme', service: 'crm', message }),
        },
      );
    expect((await world.deliver(status('read'))).status).toBe(200);
    expect((await world.deliver(status('delivered'))).status).toBe(200);
    expect((await world.report()).webhook.statuses).toMatchObject({ applied: 1, unchanged: 1 });
    const reply = (messages: Awaited<ReturnType<WhatsAppWorld['view']>>) => messages.find((m) => m.id === message)!;
    expect(reply(await world.view('crm', N, taro))).toMatchObject({
      text: canary,
      status: 'read',
      masked: false,
      agent: agents.crm,
    });
    for (const other of ['desk', 'salesiq'] as const) {
      expect(reply(await world.view(other, N, taro))).toMatchObject({
        text: null,
        agent: null,
        masked: true,
        service: 'crm',
        status: 'read',
      });
      const events = await world.events(other);
      expect(
        events.filter((e) => e.type === 'statusChanged').map((e) => e.type === 'statusChanged' && e.status),
      ).toEqual(['read']);
      expect(JSON.stringify(events)).not.toContain(canary);
    }
    expect(world.server.logs.some((l) => JSON.stringify(l).includes(canary))).toBe(false);
  });

  it('a status for a wamid nobody knows is skipped and counted, and the delivery still answered 200', async () => {
    const stray = statusPayload(
      line(N),
      { phone: taro },
      { id: 'wamid.unknown', status: 'read', at: '2026-01-01T09:01:00Z' },
    );
    expect((await world.deliver(stray)).status).toBe(200);
    expect((await world.report()).webhook.statuses).toMatchObject({ unknown: 1, applied: 0 });
  });
});

describe('routing is by the signed phone_number_id', () => {
  it(`${PNID} routes to ${N}: the display number in the payload does not decide`, async () => {
    const lying = messagePayload(
      { account: WABA, phoneNumberId: PNID, displayPhoneNumber: N2.slice(1) },
      { phone: taro },
      { id: 'wamid.route', at: '2026-01-01T09:00:00Z', type: 'text', content: { body: 'to N' } },
    );
    expect((await world.deliver(lying)).status).toBe(200);
    expect((await received('salesiq')).map((e) => e.message.text)).toEqual(['to N']);
  });
});
