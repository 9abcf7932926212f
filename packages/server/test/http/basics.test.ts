// The server's edges: open routes, tokens, error bodies (R27), guards on asserted facts, logs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminToken, testServer, type TestServer } from './support/server';

let server: TestServer;
const at = '2026-01-01T09:00:00.000Z';
const number = '+81312345678';

beforeEach(async () => {
  server = await testServer();
  await server.call('POST', '/v1/admin/directory', adminToken, {
    orgs: [
      { id: 'acme', plan: 'zoho-one', services: { campaigns: 'upgraded' } },
      { id: 'other', plan: 'standalone' },
    ],
    agents: [
      { org: 'acme', id: 'a', name: 'Agent A', access: ['crm'] },
      { org: 'acme', id: 'b', name: 'Agent B', access: ['desk'] },
    ],
    numbers: [
      { number, verified: true },
      { number: '+81312345679', verified: false },
    ],
  });
});
afterEach(async () => server.close());

const connect = (service: string, extra: Record<string, unknown> = {}) => ({
  org: 'acme',
  number,
  service,
  mode: 'shared',
  reason: 'bundle',
  at,
  ...extra,
});

describe('open routes', () => {
  it('GET /health and GET /openapi.json need no token', async () => {
    expect(await server.call('GET', '/health', null)).toMatchObject({
      status: 200,
      body: { ok: true, specificationVersion: 2 },
    });
    const doc = await server.call('GET', '/openapi.json', null);
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/storage/connect', '/v1/events', '/v1/admin/tokens']),
    );
    expect(
      doc.body.paths['/v1/storage/connect'].post.requestBody.content['application/json'].schema.properties.mode.enum,
    ).toEqual(['shared', 'isolated']);
  });

  it('an unknown path is 404 NOT_FOUND as JSON', async () => {
    expect(await server.call('GET', '/nope', null)).toMatchObject({ status: 404, body: { error: 'NOT_FOUND' } });
  });
});

describe('R27: refusals as {error, message} with a fitting status', () => {
  it('no token is 401, a bad token is 401', async () => {
    expect(await server.call('POST', '/v1/storage/connect', null, connect('crm'))).toMatchObject({
      status: 401,
      body: { error: 'UNAUTHORIZED' },
    });
    expect(await server.call('POST', '/v1/storage/connect', 'not-a-token', connect('crm'))).toMatchObject({
      status: 401,
      body: { error: 'UNAUTHORIZED' },
    });
  });

  it('bad JSON and a bad shape are 400 INVALID_INPUT naming the field; nothing is stored', async () => {
    expect(await server.call('POST', '/v1/storage/connect', adminToken, '{ nope')).toMatchObject({
      status: 400,
      body: { error: 'INVALID_INPUT', field: 'body' },
    });
    const bad = await server.call('POST', '/v1/storage/connect', adminToken, connect('crm', { mode: 'both' }));
    expect(bad).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'mode' } });
    const extra = await server.call('POST', '/v1/storage/connect', adminToken, connect('crm', { sneaky: 1 }));
    expect(extra).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT' } });
    expect((await server.call('POST', '/v1/storage/channelInfo', adminToken, { org: 'acme', number })).body).toBeNull();
  });

  it("the rules' refusals keep their codes: 422 for a rule, 409 for CONFLICT, 404 for an unknown message", async () => {
    await server.call('POST', '/v1/storage/connect', adminToken, connect('crm'));
    const other = await server.call(
      'POST',
      '/v1/storage/connect',
      adminToken,
      connect('crm', { org: 'other', mode: 'isolated', reason: 'standalone' }),
    );
    expect(other).toMatchObject({ status: 422, body: { error: 'NUMBER_IN_USE_BY_ANOTHER_ORG' } });
    const status = await server.call('POST', '/v1/storage/updateStatus', adminToken, {
      org: 'acme',
      message: 'nope',
      status: 'read',
      error: null,
      at,
    });
    expect(status).toMatchObject({ status: 404, body: { error: 'UNKNOWN_MESSAGE' } });
    await server.call('POST', '/v1/storage/receive', adminToken, {
      number,
      customer: '+819012345678',
      providerId: null,
      type: 'text',
      text: 'hi',
      raw: null,
      at,
    });
    const { body: info } = await server.call('POST', '/v1/storage/channelInfo', adminToken, { org: 'acme', number });
    const { body: conv } = await server.call('POST', '/v1/storage/conversation', adminToken, {
      org: 'acme',
      channel: info.channel,
      customer: '+819012345678',
    });
    const stale = {
      org: 'acme',
      channel: info.channel,
      conversation: conv.id,
      expectedVersion: 5, // no assignment yet: the conversation is at version 0
      service: 'crm',
      agent: 'a',
      at,
    };
    expect(await server.call('POST', '/v1/storage/setAssignment', adminToken, stale)).toMatchObject({
      status: 409,
      body: { error: 'CONFLICT' },
    });
  });

  it('a body over the limit is refused, declared or streamed (chunked); a streamed body within it works', async () => {
    const huge = { ...connect('crm'), pad: 'x'.repeat(1_100_000) };
    expect(await server.call('POST', '/v1/storage/connect', adminToken, huge)).toMatchObject({
      status: 400,
      body: { error: 'INVALID_INPUT', field: 'body' },
    });
    const streamed = (text: string) =>
      fetch(`${server.url}/v1/storage/connect`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: new Blob([text]).stream(),
        duplex: 'half',
      } as RequestInit);
    const big = await streamed(JSON.stringify(huge));
    expect(big.status).toBe(400);
    expect(await big.json()).toMatchObject({ error: 'INVALID_INPUT', field: 'body' });
    const ok = await streamed(JSON.stringify(connect('crm')));
    expect(await ok.json()).toMatchObject({ mode: 'shared', role: 'parent', created: true });
  });
});

describe('the server never trusts facts a service asserts', () => {
  it('R1..R5: connect re-derives mode and reason from the stored directory and needs a verified number', async () => {
    const crm = await server.issue('acme', 'crm');
    const campaigns = await server.issue('acme', 'campaigns');
    expect(await server.call('POST', '/v1/storage/connect', campaigns, connect('campaigns'))).toMatchObject({
      status: 403,
      body: { error: 'FORBIDDEN', field: 'mode' },
    });
    const honest = await server.call(
      'POST',
      '/v1/storage/connect',
      campaigns,
      connect('campaigns', { mode: 'isolated', reason: 'upgraded-from-standalone' }),
    );
    expect(honest).toMatchObject({ status: 200, body: { mode: 'isolated', role: 'parent', created: true } });
    const unverified = await server.call(
      'POST',
      '/v1/storage/connect',
      crm,
      connect('crm', { number: '+81312345679' }),
    );
    expect(unverified).toMatchObject({ status: 422, body: { error: 'NUMBER_NOT_VERIFIED' } });
    expect(await server.call('POST', '/v1/storage/connect', crm, connect('crm'))).toMatchObject({
      status: 200,
      body: { mode: 'shared', role: 'parent' },
    });
  });

  it('R25: a reply names an agent of the org with access to the service; its name comes from the directory', async () => {
    const crm = await server.issue('acme', 'crm');
    await server.call('POST', '/v1/storage/connect', crm, connect('crm'));
    await server.call('POST', '/v1/storage/receive', adminToken, {
      number,
      customer: '+819012345678',
      providerId: 'w1',
      type: 'text',
      text: 'hi',
      raw: null,
      at,
    });
    const { body: info } = await server.call('POST', '/v1/storage/channelInfo', crm, { org: 'acme', number });
    const { body: conv } = await server.call('POST', '/v1/storage/conversation', crm, {
      org: 'acme',
      channel: info.channel,
      customer: '+819012345678',
    });
    const reply = (agent: string) => ({
      org: 'acme',
      channel: info.channel,
      conversation: conv.id,
      expectedVersion: 0, // R33: a conversation read carries no version; nothing is assigned yet
      service: 'crm',
      agent,
      agentName: 'The Boss',
      type: 'text',
      text: 'hello',
      raw: null,
      assign: true,
      at,
    });
    expect(await server.call('POST', '/v1/storage/appendReply', crm, reply('b'))).toMatchObject({
      status: 403,
      body: { error: 'FORBIDDEN', field: 'agent' },
    });
    expect(await server.call('POST', '/v1/storage/appendReply', crm, reply('ghost'))).toMatchObject({
      status: 403,
      body: { error: 'FORBIDDEN' },
    });
    const ok = await server.call('POST', '/v1/storage/appendReply', crm, reply('a'));
    expect(ok.status).toBe(200);
    const view = await server.call('POST', '/v1/storage/view', crm, {
      org: 'acme',
      channel: info.channel,
      conversation: conv.id,
      service: 'crm',
    });
    expect(view.body[1]).toMatchObject({ agent: 'a', agentName: 'Agent A', text: 'hello' });
  });
});

describe('R25, R26: a service writes only into channels it is a member of', () => {
  it("a crm token cannot reply or assign into books' isolated channel, even naming books' conversation", async () => {
    const crm = await server.issue('acme', 'crm');
    await server.call('PUT', '/v1/admin/agents', adminToken, {
      org: 'acme',
      id: 'a',
      name: 'Agent A',
      access: ['crm', 'books'],
    });
    await server.call('POST', '/v1/storage/connect', crm, connect('crm'));
    await server.call(
      'POST',
      '/v1/storage/connect',
      adminToken,
      connect('books', { mode: 'isolated', reason: 'finance-service' }),
    );
    await server.call('POST', '/v1/storage/receive', adminToken, {
      number,
      customer: '+819012345678',
      providerId: null,
      type: 'text',
      text: 'hi',
      raw: null,
      at,
    });
    const { body: books } = await server.call('POST', '/v1/storage/channelInfo', adminToken, {
      org: 'acme',
      number,
      service: 'books',
    });
    const { body: conv } = await server.call('POST', '/v1/storage/conversation', adminToken, {
      org: 'acme',
      channel: books.channel,
      customer: '+819012345678',
    });
    const ref = {
      org: 'acme',
      channel: books.channel,
      conversation: conv.id,
      expectedVersion: 0,
      service: 'crm',
      agent: 'a',
      at,
    };
    const reply = await server.call('POST', '/v1/storage/appendReply', crm, {
      ...ref,
      agentName: 'A',
      type: 'text',
      text: 'intruder',
      raw: null,
      assign: true,
    });
    expect(reply).toMatchObject({ status: 422, body: { error: 'NOT_CONNECTED' } });
    expect(await server.call('POST', '/v1/storage/setAssignment', crm, ref)).toMatchObject({
      status: 422,
      body: { error: 'NOT_CONNECTED' },
    });
    expect(
      await server.call('POST', '/v1/storage/conversation', crm, {
        org: 'acme',
        channel: books.channel,
        customer: '+819012345678',
      }),
    ).toMatchObject({ status: 422, body: { error: 'NOT_CONNECTED' } });
    const history = await server.call('POST', '/v1/storage/view', adminToken, {
      org: 'acme',
      channel: books.channel,
      conversation: conv.id,
      service: 'books',
    });
    expect(history.body.map((m: { direction: string }) => m.direction)).toEqual(['in']);
  });
});

describe('logs', () => {
  it('one line per request: method, path, status, duration, org/service; never a token or a body', async () => {
    const crm = await server.issue('acme', 'crm');
    await server.call('POST', '/v1/storage/connect', crm, connect('crm'));
    await server.call('POST', '/v1/storage/receive', adminToken, {
      number,
      customer: '+819012345678',
      providerId: null,
      type: 'text',
      text: 'secret-text-1',
      raw: null,
      at,
    });
    const line = server.logs.find((l) => l.path === '/v1/storage/connect' && l.service === 'crm');
    expect(line).toMatchObject({ method: 'POST', status: 200, org: 'acme', service: 'crm', ms: expect.any(Number) });
    const all = JSON.stringify(server.logs);
    expect(all).not.toContain('secret-text-1');
    expect(all).not.toContain(crm);
    expect(all).not.toContain(adminToken);
  });
});
