// R36 at the server's edges: free-form JSON past its bounds is refused before anything is stored
// (400 INVALID_INPUT naming the field), however deep, on the storage routes and on the signed
// webhook (400 with the reason, never 500, so WhatsApp is not made to redeliver for days); and
// every service of the org can still read its views and events afterwards.
import { signWebhookBody } from '@onenumber/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SECRET, N, agents, whatsappWorld, type WhatsAppWorld } from '../whatsapp/support/world';
import { customerSays, deepJson, postText, taro } from './support';

let world: WhatsAppWorld;
beforeEach(async () => {
  world = await whatsappWorld();
}, 30_000);
afterEach(async () => world.close());

const at = '2026-01-01T09:00:00.000Z';
const inbound = (raw: string, id: string) =>
  `{"number":"${N}","customer":"${taro}","providerId":"${id}","type":"text","text":"poison","raw":${raw},"at":"${at}"}`;

describe('R36: storage routes', () => {
  it('R36: receive with raw nested 4,100 or 100,000 deep is 400 INVALID_INPUT naming raw; reads stay 2xx', async () => {
    await customerSays(world, 'wamid.r36.first', 'first');
    for (const [depth, id] of [
      [4_100, 'wamid.r36.a'],
      [100_000, 'wamid.r36.b'],
      [33, 'wamid.r36.c'],
    ] as const) {
      const answer = await postText(world, '/v1/storage/receive', world.tokens.crm, inbound(deepJson(depth), id));
      expect(answer, String(depth)).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'raw' } });
    }
    const big = await postText(
      world,
      '/v1/storage/receive',
      world.tokens.crm,
      inbound(JSON.stringify({ b: 'x'.repeat(70_000) }), 'wamid.r36.d'),
    );
    expect(big).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'raw' } });
    for (const service of ['crm', 'desk', 'salesiq'] as const) {
      const messages = await world.view(service, N, taro);
      expect(messages.map((m) => m.text)).toEqual(['first']);
      const events = await world.server.call('POST', '/v1/storage/events', world.tokens[service], {
        org: 'acme',
        service,
      });
      expect(events.status).toBe(200);
      expect(JSON.stringify(events.body)).not.toContain('poison');
    }
  });

  it('R36: appendReply with a raw object past the bounds is 400 INVALID_INPUT naming raw', async () => {
    await customerSays(world, 'wamid.r36.q', 'question');
    const view = await world.sdk.crm.view({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
    });
    const conversation = await world.server.call('POST', '/v1/storage/decide', world.tokens.crm, {
      org: 'acme',
      channel: view.channel,
      customer: taro,
      service: 'crm',
      agent: agents.crm,
    });
    const reply = (raw: string) =>
      `{"org":"acme","channel":"${view.channel}","conversation":"${view.conversation}","expectedVersion":${conversation.body.version},"service":"crm","agent":"${agents.crm}","agentName":"x","type":"text","text":"r","raw":${raw},"assign":false,"at":"${at}"}`;
    for (const depth of [4_300, 100_000]) {
      const answer = await postText(world, '/v1/storage/appendReply', world.tokens.crm, reply(deepJson(depth)));
      expect(answer, String(depth)).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'raw' } });
    }
    expect((await world.view('desk', N, taro)).map((m) => m.text)).toEqual(['question']);
  });
});

describe('R36: webhook', () => {
  it('R36: a signed delivery 100,000 levels deep is 400 with the reason, counted invalid, never failed', async () => {
    const body = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":${deepJson(100_000)}}]}]}`;
    const answer = await world.post(body, signWebhookBody(body, APP_SECRET));
    expect(answer).toMatchObject({
      status: 400,
      body: { error: 'INVALID_INPUT', message: expect.stringMatching(/deeper than 64/) },
    });
    expect((await world.report()).webhook).toMatchObject({ invalid: 1, failed: 0 });
    await customerSays(world, 'wamid.r36.after', 'after');
    expect((await world.view('crm', N, taro)).map((m) => m.text)).toEqual(['after']);
  });
});
