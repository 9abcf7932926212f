// R33 over HTTP: policies are the server's (no policy at connect; the admin's override per org and
// service, GET/PUT/DELETE /v1/admin/orgs/{org}/policies/{service}), and no fact leaks for a
// decision: a service token asks for decisions about its own agents only, and learns another
// service's holder only as R22's notice names them; the directory answers it about its own
// agents only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, testServer, type TestServer } from './support/server';

let server: TestServer;
const at = '2026-01-01T09:00:00.000Z';
const number = '+81312345678';
const customer = '+819012345678';
const holder = { id: 'holder-7f3a', name: 'Hana Holder' };
const tokens: Record<string, string> = {};
let channel = '';

const admin = (method: string, path: string, body?: unknown) => server.call(method, path, adminToken, body);
const as = (service: string, path: string, body: unknown) => server.call('POST', path, tokens[service]!, body);
const connect = (service: string) => ({ org: 'acme', number, service, mode: 'shared', reason: 'bundle', at });

beforeAll(async () => {
  server = await testServer();
  await admin('POST', '/v1/admin/directory', {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [
      { org: 'acme', ...holder, access: ['crm'] },
      { org: 'acme', id: 'b', name: 'Agent B', access: ['desk'] },
      { org: 'acme', id: 'c', name: 'Agent C', access: ['desk', 'crm'] },
      { org: 'acme', id: 's', name: 'Agent S', access: ['salesiq'] },
    ],
    numbers: [{ number, verified: true }],
  });
  for (const service of ['crm', 'desk', 'salesiq']) {
    tokens[service] = await server.issue('acme', service);
    await as(service, '/v1/storage/connect', connect(service));
  }
  await admin('POST', '/v1/storage/receive', {
    number,
    customer,
    providerId: 'w1',
    type: 'text',
    text: 'hi',
    raw: null,
    at,
  });
  channel = (await admin('POST', '/v1/storage/channelInfo', { org: 'acme', number })).body.channel;
  const decision = (
    await as('crm', '/v1/storage/decide', { org: 'acme', channel, customer, service: 'crm', agent: holder.id })
  ).body;
  const sent = await as('crm', '/v1/storage/appendReply', {
    org: 'acme',
    channel,
    conversation: decision.conversation,
    expectedVersion: decision.version,
    service: 'crm',
    agent: holder.id,
    agentName: 'claimed',
    type: 'text',
    text: 'canary-r33-http',
    raw: null,
    assign: true,
    at,
  });
  expect(sent.status).toBe(200);
}, 30_000);
afterAll(async () => server?.close());

const lastSeenBy = async (service: string) => {
  const { conversation } = (
    await as(service, '/v1/storage/decide', {
      org: 'acme',
      channel,
      customer,
      service,
      agent: service === 'desk' ? 'b' : 's',
    })
  ).body;
  return (await as(service, '/v1/storage/view', { org: 'acme', channel, conversation, service })).body.at(-1);
};

describe("R33: policies are the server's", () => {
  it('R33: connect takes no policy: a policy in the record is INVALID_INPUT naming it', async () => {
    const refused = await as('crm', '/v1/storage/connect', { ...connect('crm'), policy: { showAgentName: true } });
    expect(refused).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'policy' } });
  });

  it("R33: the admin reads, overrides and clears a service's policy; the service's view follows at once", async () => {
    const path = '/v1/admin/orgs/acme/policies/salesiq';
    expect((await admin('GET', path)).body).toEqual({
      service: 'salesiq',
      policy: { showAgentName: false },
      source: 'catalogue',
    });
    expect((await lastSeenBy('salesiq')).agentName).toBeNull();
    expect((await admin('PUT', path, { showAgentName: true })).body).toMatchObject({ source: 'admin' });
    expect(await lastSeenBy('salesiq')).toMatchObject({ agentName: holder.name, text: null, agent: null });
    expect((await admin('DELETE', path)).body).toMatchObject({ policy: { showAgentName: false }, source: 'catalogue' });
    expect((await lastSeenBy('salesiq')).agentName).toBeNull();
    expect(await admin('PUT', path, { showText: true })).toMatchObject({ status: 400, body: { field: 'showText' } });
    expect(await admin('PUT', '/v1/admin/orgs/acme/policies/Sales_IQ', {})).toMatchObject({
      status: 400,
      body: { field: 'service' },
    });
    expect(await server.call('PUT', path, tokens.salesiq!, { showAgentName: true })).toMatchObject({ status: 403 });
  });

  it('R33: the directory answers a service about its own agents only: another agent of the org is 403, never described', async () => {
    expect((await as('desk', '/v1/directory/agent', { org: 'acme', id: 'b' })).body).toMatchObject({ name: 'Agent B' });
    const other = await as('desk', '/v1/directory/agent', { org: 'acme', id: holder.id });
    expect(other).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
    expect(JSON.stringify(other.body)).not.toContain(holder.name);
    expect((await as('desk', '/v1/directory/agent', { org: 'acme', id: 'nobody' })).body).toBeNull();
  });

  it("R22, R33: a decision names another service's holder only to an agent with access to it; a token asks for its own agents only", async () => {
    const ask = (agent: string) =>
      as('desk', '/v1/storage/decide', { org: 'acme', channel, customer, service: 'desk', agent });
    const b = await ask('b');
    expect(b.body).toMatchObject({ assignee: null, notice: { service: 'crm', agent: null }, reply: { ok: false } });
    expect(JSON.stringify(b.body)).not.toMatch(new RegExp(`${holder.id}|${holder.name}`));
    const c = await ask('c');
    expect(c.body.notice).toMatchObject({ service: 'crm', agent: holder.name });
    expect(JSON.stringify(c.body)).not.toContain(holder.id);
    expect(await ask(holder.id)).toMatchObject({ status: 403, body: { error: 'FORBIDDEN', field: 'agent' } });
    // A conversation read holds no assignment; the timeline names no other service's agent.
    const read = await as('desk', '/v1/storage/conversation', { org: 'acme', channel, customer });
    expect(Object.keys(read.body).sort()).toEqual(['channel', 'customer', 'id', 'lastInboundAt']);
    const timeline = await as('crm', '/v1/storage/timeline', { org: 'acme', channel, service: 'crm' });
    expect(timeline.body.find((e: { what: string }) => e.what === 'assigned')).toMatchObject({ agent: holder.id });
    const asDesk = await admin('POST', '/v1/storage/timeline', { org: 'acme', channel, service: 'desk' });
    expect(JSON.stringify(asDesk.body)).not.toContain(holder.id);
  });
});
