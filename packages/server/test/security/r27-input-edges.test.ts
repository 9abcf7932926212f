// R27 and R5 at the server's edges: a message type outside the closed list is refused, naming
// `type`; an id with a lone surrogate half (which the database would store as U+FFFD, making two
// ids one key) is refused, naming the field; a business number written with its country code
// in parentheses is accepted and kept in E.164, a national-only one refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminToken } from '../http/support/server';
import { N, agents, whatsappWorld, type WhatsAppWorld } from '../whatsapp/support/world';
import { customerSays, postText, taro } from './support';

let world: WhatsAppWorld;
beforeEach(async () => {
  world = await whatsappWorld();
}, 30_000);
afterEach(async () => world.close());

const at = '2026-01-01T09:00:00.000Z';
/** An inbound record as JSON text; `\ud800` escapes stay lone surrogates once parsed by the server. */
const inbound = (fields: { customer?: string; providerId?: string; type?: string }) =>
  `{"number":"${N}","customer":"${fields.customer ?? taro}","providerId":"${fields.providerId ?? 'wamid.e'}","type":"${fields.type ?? 'text'}","text":"x","raw":null,"at":"${at}"}`;
const receive = (text: string) => postText(world, '/v1/storage/receive', world.tokens.crm, text);

describe('R27: message types', () => {
  it('R27: a type outside the closed list is 400 INVALID_INPUT naming type; nothing is stored', async () => {
    for (const type of ['hologram', 'TEXT', 'x'.repeat(32)])
      expect(await receive(inbound({ type, providerId: `wamid.t.${type}` }))).toMatchObject({
        status: 400,
        body: { error: 'INVALID_INPUT', field: 'type' },
      });
    expect(await receive(inbound({ type: 'sticker', providerId: 'wamid.t.ok' }))).toMatchObject({ status: 200 });
    expect((await world.view('desk', N, taro)).map((m) => m.type)).toEqual(['sticker']);
  });
});

describe('R27: well-formed ids', () => {
  it('R27: a lone surrogate in a provider id or a customer is 400 naming the field; two such ids never collide', async () => {
    expect(await receive(inbound({ providerId: 'wamid.\\ud800' }))).toMatchObject({
      status: 400,
      body: { error: 'INVALID_INPUT', field: 'providerId' },
    });
    expect(await receive(inbound({ providerId: 'wamid.\\udfff' }))).toMatchObject({ status: 400 });
    expect(await receive(inbound({ customer: '+8190\\ud800' }))).toMatchObject({
      status: 400,
      body: { error: 'INVALID_INPUT', field: 'customer' },
    });
    await customerSays(world, 'wamid.\ud83d\ude00', 'one');
    await customerSays(world, 'wamid.\ud83d\ude01', 'two');
    expect((await world.view('crm', N, taro)).map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('R27: directory ids with a lone surrogate are 400 INVALID_INPUT; nothing is stored', async () => {
    const org = await postText(
      world,
      '/v1/admin/directory',
      adminToken,
      '{"orgs":[{"id":"acme\\ud800","plan":"zoho-one"}]}',
    );
    expect(org).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT' } });
    expect((org.body as { field: string }).field).toMatch(/id$/);
    const agent = await world.server.call('PUT', '/v1/admin/agents', adminToken, {
      org: 'acme',
      id: 'zed\ud800',
      name: 'Zed',
      access: ['crm'],
    });
    expect(agent.status).toBe(400);
    const lookup = await world.server.call('POST', '/v1/directory/agent', world.tokens.crm, {
      org: 'acme',
      id: 'zed\ufffd',
    });
    expect(lookup.body).toBeNull();
  });
});

describe('R5: business numbers', () => {
  it('R5: "(+44) 20 7946 0958" is accepted and kept in E.164; a national-only form is INVALID_NUMBER', async () => {
    for (const form of ['(+44) 20 7946 0958', '+44 (0)20 7946 0958']) {
      const answer = await world.server.call('PUT', '/v1/admin/numbers', adminToken, { number: form, verified: true });
      expect(answer, form).toMatchObject({ status: 200, body: { number: '+442079460958', verified: true } });
    }
    const national = await world.server.call('PUT', '/v1/admin/numbers', adminToken, {
      number: '020 7946 0958',
      verified: true,
    });
    expect(national).toMatchObject({ status: 400, body: { error: 'INVALID_NUMBER', field: 'number' } });
    // A service names its number the same way: the same channel as in E.164.
    const joined = await world.sdk.crm.connect({ org: 'acme', service: 'crm', number: '(+81) 3-1234-5678' });
    expect(joined).toMatchObject({ channel: 'ch_1', mode: 'shared', role: 'parent' });
    await customerSays(world, 'wamid.r5', 'hello');
    const seen = await world.sdk.crm.view({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: '+81 (0)3-1234-5678',
      customer: taro,
    });
    expect(seen.messages.map((m) => m.text)).toEqual(['hello']);
  });
});
