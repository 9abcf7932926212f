// Scoped access: every route refuses no token and a bad token (401); a service token acts only
// in its own org (403) and only as its own service (403); admin routes refuse service tokens.
// The route table below must cover every route the server registers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '@onenumber/whatsapp';
import { adminToken, testServer, type TestServer } from './support/server';

let server: TestServer;
const at = '2026-01-01T09:00:00.000Z';
const N = '+81312345678';
const N2 = '+81312345670';
const customer = '+819012345678';
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await testServer({
    whatsapp: {
      appSecret: 'scope-app-secret',
      verifyToken: 'scope-verify',
      transport: createSimulator({ appSecret: 'scope-app-secret' }),
    },
  });
  const admin = (method: string, path: string, body?: unknown) => server.call(method, path, adminToken, body);
  await admin('POST', '/v1/admin/directory', {
    orgs: [
      { id: 'acme', plan: 'zoho-one' },
      { id: 'other', plan: 'zoho-one' },
    ],
    agents: [
      { org: 'acme', id: 'a', name: 'Agent A', access: ['crm'] },
      { org: 'acme', id: 'b', name: 'Agent B', access: ['desk'] },
      { org: 'other', id: 'a', name: 'Other A', access: ['crm'] },
    ],
    numbers: [
      { number: N, verified: true },
      { number: N2, verified: true },
    ],
  });
  for (const service of ['crm', 'desk'])
    await admin('POST', '/v1/storage/connect', {
      org: 'acme',
      number: N,
      service,
      mode: 'shared',
      reason: 'bundle',
      at,
    });
  await admin('POST', '/v1/storage/receive', {
    number: N,
    customer,
    providerId: 'wamid.scope',
    type: 'text',
    text: 'hi',
    raw: null,
    at,
  });
  ids.channel = (await admin('POST', '/v1/storage/channelInfo', { org: 'acme', number: N })).body.channel;
  ids.conversation = (
    await admin('POST', '/v1/storage/conversation', { org: 'acme', channel: ids.channel, customer })
  ).body.id;
  const reply = {
    org: 'acme',
    channel: ids.channel,
    conversation: ids.conversation,
    expectedVersion: 0,
    service: 'crm',
    agent: 'a',
    agentName: 'Agent A',
    type: 'text',
    text: 'r',
    raw: null,
    assign: true,
    at,
  };
  ids.reply = (await admin('POST', '/v1/storage/appendReply', reply)).body.message;
  tokens.acmeCrm = await server.issue('acme', 'crm');
  tokens.acmeDesk = await server.issue('acme', 'desk');
  tokens.otherCrm = await server.issue('other', 'crm');
  tokens.bad = `${tokens.acmeCrm.slice(0, -2)}xx`;
  ids.spare = (await server.call('POST', '/v1/admin/tokens', adminToken, { org: 'acme', service: 'salesiq' })).body.id;
}, 30_000);
afterAll(async () => server?.close());

interface Route {
  method: string;
  path: string;
  body?: () => unknown;
  /** The request acts as a service (crm) in its body or query: another service's token is refused. */
  actsAsService: boolean;
  admin?: boolean;
  /** Readable by any valid token, with the reason. */
  notOrgData?: string;
}

const conversationRef = () => ({ org: 'acme', channel: ids.channel, conversation: ids.conversation });
const routes: Route[] = [
  {
    method: 'POST',
    path: '/v1/storage/connect',
    actsAsService: true,
    body: () => ({
      org: 'acme',
      number: N2,
      service: 'crm',
      mode: 'shared',
      reason: 'bundle',
      at,
    }),
  },
  {
    method: 'POST',
    path: '/v1/storage/changeMembership',
    actsAsService: true,
    body: () => ({ org: 'acme', number: N, service: 'crm', action: 'enable', at }),
  },
  {
    method: 'POST',
    path: '/v1/storage/findMembership',
    actsAsService: true,
    body: () => ({ org: 'acme', number: N, service: 'crm' }),
  },
  {
    method: 'POST',
    path: '/v1/storage/channelInfo',
    actsAsService: true,
    body: () => ({ org: 'acme', number: N, service: 'crm' }),
  },
  {
    method: 'POST',
    path: '/v1/storage/configure',
    actsAsService: true,
    body: () => ({ org: 'acme', channel: ids.channel, service: 'crm', settings: { displayName: 'Acme' } }),
  },
  {
    method: 'POST',
    path: '/v1/storage/receive',
    actsAsService: false,
    body: () => ({ number: N, customer, providerId: null, type: 'text', text: 'again', raw: null, at }),
  },
  {
    method: 'POST',
    path: '/v1/storage/conversation',
    actsAsService: false,
    body: () => ({ org: 'acme', channel: ids.channel, customer }),
  },
  // R33: a decision is asked for an agent of the token's own service.
  {
    method: 'POST',
    path: '/v1/storage/decide',
    actsAsService: true,
    body: () => ({ org: 'acme', channel: ids.channel, customer, service: 'crm', agent: 'a' }),
  },
  {
    method: 'POST',
    path: '/v1/storage/appendReply',
    actsAsService: true,
    body: () => ({
      ...conversationRef(),
      expectedVersion: 0,
      service: 'crm',
      agent: 'a',
      agentName: 'x',
      type: 'text',
      text: 'r',
      raw: null,
      assign: true,
      at,
    }),
  },
  {
    method: 'POST',
    path: '/v1/storage/setAssignment',
    actsAsService: true,
    body: () => ({ ...conversationRef(), expectedVersion: 0, service: 'crm', agent: 'a', at }),
  },
  {
    method: 'POST',
    path: '/v1/storage/view',
    actsAsService: true,
    body: () => ({ ...conversationRef(), service: 'crm' }),
  },
  // Issue 21: a service lists a channel's conversations as itself (its own projection and assignee).
  {
    method: 'POST',
    path: '/v1/storage/conversations',
    actsAsService: true,
    body: () => ({ org: 'acme', channel: ids.channel, service: 'crm', limit: 10 }),
  },
  // R39: a read marker is the token's own service's, moved by one of its agents.
  {
    method: 'POST',
    path: '/v1/storage/markRead',
    actsAsService: true,
    body: () => ({ ...conversationRef(), service: 'crm', agent: 'a', typing: false, at }),
  },
  // R17: statuses are WhatsApp's facts (the signed webhook stores them); a service token may not report one.
  {
    method: 'POST',
    path: '/v1/storage/updateStatus',
    actsAsService: false,
    admin: true,
    body: () => ({ org: 'acme', message: ids.reply, status: 'delivered', error: null, at }),
  },
  { method: 'POST', path: '/v1/storage/events', actsAsService: true, body: () => ({ org: 'acme', service: 'crm' }) },
  // R33: a timeline is read as its reading service (its own) sees it.
  {
    method: 'POST',
    path: '/v1/storage/timeline',
    actsAsService: true,
    body: () => ({ org: 'acme', channel: ids.channel, service: 'crm' }),
  },
  {
    method: 'POST',
    path: '/v1/storage/note',
    actsAsService: true,
    body: () => ({
      org: 'acme',
      entry: {
        channel: ids.channel,
        at,
        what: 'confirmation-requested',
        service: 'crm',
        agent: 'a',
        from: null,
        to: null,
        message: null,
        status: null,
        why: 'held-in-desk',
      },
    }),
  },
  {
    method: 'POST',
    path: '/v1/storage/loadCursor',
    actsAsService: true,
    body: () => ({ org: 'acme', service: 'crm' }),
  },
  {
    method: 'POST',
    path: '/v1/storage/saveCursor',
    actsAsService: true,
    body: () => ({ org: 'acme', service: 'crm', cursor: '1' }),
  },
  { method: 'GET', path: '/v1/events?org=acme&service=crm', actsAsService: true },
  { method: 'POST', path: '/v1/directory/org', actsAsService: false, body: () => ({ id: 'acme' }) },
  // R33: a service is answered about its own agents only (a is crm's): another service's token is 403.
  { method: 'POST', path: '/v1/directory/agent', actsAsService: true, body: () => ({ org: 'acme', id: 'a' }) },
  {
    method: 'POST',
    path: '/v1/directory/number',
    actsAsService: false,
    body: () => ({ number: N }),
    notOrgData: "a number's verification is WhatsApp's fact, read before any org holds it",
  },
  {
    method: 'PUT',
    path: '/v1/admin/orgs',
    actsAsService: false,
    admin: true,
    body: () => ({ id: 'acme', plan: 'zoho-one' }),
  },
  {
    method: 'PUT',
    path: '/v1/admin/agents',
    actsAsService: false,
    admin: true,
    body: () => ({ org: 'acme', id: 'z', name: 'Zed', access: ['crm'] }),
  },
  { method: 'GET', path: '/v1/admin/orgs/acme/agents', actsAsService: false, admin: true },
  // R33: the admin's policy overrides.
  { method: 'GET', path: '/v1/admin/orgs/acme/policies/crm', actsAsService: false, admin: true },
  {
    method: 'PUT',
    path: '/v1/admin/orgs/acme/policies/crm',
    actsAsService: false,
    admin: true,
    body: () => ({ showAgentName: true }),
  },
  { method: 'DELETE', path: '/v1/admin/orgs/acme/policies/crm', actsAsService: false, admin: true },
  { method: 'DELETE', path: '/v1/admin/orgs/acme/agents/z', actsAsService: false, admin: true },
  {
    method: 'PUT',
    path: '/v1/admin/numbers',
    actsAsService: false,
    admin: true,
    body: () => ({ number: N2, verified: true, phoneNumberId: '1234567890' }),
  },
  {
    method: 'POST',
    path: '/v1/admin/directory',
    actsAsService: false,
    admin: true,
    body: () => ({ orgs: [], agents: [], numbers: [] }),
  },
  {
    method: 'POST',
    path: '/v1/admin/tokens',
    actsAsService: false,
    admin: true,
    body: () => ({ org: 'acme', service: 'crm' }),
  },
  { method: 'GET', path: '/v1/admin/tokens', actsAsService: false, admin: true },
  { method: 'DELETE', path: '/v1/admin/tokens/tok_none', actsAsService: false, admin: true },
  {
    method: 'POST',
    path: '/v1/admin/tokens/tok_none/rotate',
    actsAsService: false,
    admin: true,
    body: () => ({ graceSeconds: 0 }),
  },
  { method: 'GET', path: '/v1/admin/report', actsAsService: false, admin: true },
  { method: 'GET', path: '/v1/admin/push', actsAsService: false, admin: true },
  { method: 'GET', path: '/v1/admin/whatsapp', actsAsService: false, admin: true },
  { method: 'POST', path: '/v1/admin/whatsapp/resume', actsAsService: false, admin: true, body: () => ({}) },
  { method: 'GET', path: '/v1/admin/whatsapp/parked', actsAsService: false, admin: true },
];

async function statusOf(route: Route, token: string | null): Promise<number> {
  // R35: a rotation needs a token that exists (the admin's call passes); a spare one, rotated with no grace.
  const path = route.path.replace('/tokens/tok_none/rotate', `/tokens/${ids.spare}/rotate`);
  const res = await fetch(`${server.url}${path}`, {
    method: route.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    ...(route.body ? { body: JSON.stringify(route.body()) } : {}),
  });
  await res.body?.cancel();
  return res.status;
}

/** Push subscriptions (R34) belong to the token's own service; their scope is tested in test/push. */
const pushRoutes = [
  ['POST', '/v1/push/subscriptions'],
  ['GET', '/v1/push/subscriptions'],
  ['GET', '/v1/push/subscriptions/:id'],
  ['POST', '/v1/push/subscriptions/:id/pause'],
  ['POST', '/v1/push/subscriptions/:id/resume'],
  ['POST', '/v1/push/subscriptions/:id/rotate'],
  ['DELETE', '/v1/push/subscriptions/:id'],
  ['GET', '/v1/push/subscriptions/:id/deliveries'],
  ['POST', '/v1/push/subscriptions/:id/redeliver'],
  ['POST', '/v1/push/subscriptions/:id/replay'],
] as const;

const label = (r: Route) => `${r.method} ${r.path.split('?')[0]}`;

describe('scope', () => {
  it('the table covers every route the server registers', () => {
    const registered = server.handler.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    const covered = new Set(
      routes
        .map(label)
        .map((l) =>
          l
            .replace('/orgs/acme/agents/z', '/orgs/:org/agents/:id')
            .replace('/orgs/acme/agents', '/orgs/:org/agents')
            .replace('/orgs/acme/policies/crm', '/orgs/:org/policies/:service')
            .replace('/tokens/tok_none', '/tokens/:id'),
        ),
    );
    const open = ['GET /health', 'GET /openapi.json'];
    // Takes no org or service: it acts only as the token's own (checked below).
    const selfScoped = ['GET /v1/media/:message', ...pushRoutes.map(([method, path]) => `${method} ${path}`)];
    expect(registered.filter((r) => !covered.has(r) && !open.includes(r) && !selfScoped.includes(r))).toEqual([]);
  });

  it('only GET /health and GET /openapi.json are open; the WhatsApp webhook is authenticated by its signature, never a token', async () => {
    expect(await statusOf({ method: 'GET', path: '/health', actsAsService: false }, null)).toBe(200);
    expect(await statusOf({ method: 'GET', path: '/openapi.json', actsAsService: false }, null)).toBe(200);
    const webhook = {
      method: 'POST',
      path: '/webhooks/whatsapp',
      actsAsService: false,
      body: () => ({ object: 'whatsapp_business_account', entry: [] }),
    };
    for (const token of [null, adminToken, tokens.acmeCrm!]) expect(await statusOf(webhook, token)).toBe(401);
    // One handler serves Meta's GET challenge and its signed POSTs.
    expect(server.handler.app.routes.filter((r) => r.path === '/webhooks/whatsapp').map((r) => r.method)).toEqual([
      'ALL',
    ]);
  });

  it.each(pushRoutes)(
    '%s %s (push, R34: its own service or the admin, see test/push): no token and a bad token are 401',
    async (method, path) => {
      const route = { method, path: path.replace(':id', 'sub_none'), actsAsService: true };
      expect(await statusOf(route, null)).toBe(401);
      expect(await statusOf(route, tokens.bad!)).toBe(401);
    },
  );

  it("GET /v1/media/{message} acts only as the token's own org and service: no token 401, the admin 403, another org's token finds nothing", async () => {
    const path = `/v1/media/msg_none?number=${encodeURIComponent(N)}&customer=${encodeURIComponent(customer)}`;
    const route = { method: 'GET', path, actsAsService: true };
    expect(await statusOf(route, null)).toBe(401);
    expect(await statusOf(route, tokens.bad!)).toBe(401);
    expect(await statusOf(route, adminToken)).toBe(403);
    const other = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens.otherCrm}` } });
    expect(other.status).not.toBe(200);
    expect(await other.json()).toMatchObject({ error: expect.stringMatching(/NOT_CONNECTED|UNKNOWN_/) });
  });

  it.each(routes.map((r) => [label(r), r] as const))('%s: no token and a bad token are 401', async (_l, route) => {
    expect(await statusOf(route, null)).toBe(401);
    expect(await statusOf(route, tokens.bad!)).toBe(401);
    expect(await statusOf(route, 'Basic abc')).toBe(401);
  });

  it.each(routes.map((r) => [label(r), r] as const))("%s: another org's token is 403", async (_l, route) => {
    expect(await statusOf(route, tokens.otherCrm!)).toBe(route.notOrgData ? 200 : 403);
  });

  it.each(routes.filter((r) => r.actsAsService || r.admin).map((r) => [label(r), r] as const))(
    "%s: another service's token is 403",
    async (_l, route) => {
      expect(await statusOf(route, tokens.acmeDesk!)).toBe(403);
    },
  );

  it.each(routes.filter((r) => r.admin).map((r) => [label(r), r] as const))(
    '%s: admin routes refuse even the right service token; the admin passes',
    async (_l, route) => {
      expect(await statusOf(route, tokens.acmeCrm!)).toBe(403);
      expect([200, 201]).toContain(await statusOf(route, adminToken));
    },
  );

  it.each(routes.filter((r) => !r.admin).map((r) => [label(r), r] as const))(
    '%s: the right service token passes the scope',
    async (_l, route) => {
      const status = await statusOf(route, tokens.acmeCrm!);
      expect([401, 403]).not.toContain(status);
    },
  );

  it('org-scoped routes without a service accept another service of the same org', async () => {
    for (const route of routes.filter((r) => !r.actsAsService && !r.admin)) {
      expect([401, 403], label(route)).not.toContain(await statusOf(route, tokens.acmeDesk!));
    }
  });

  it('a revoked token is 401 at once', async () => {
    const { body } = await server.call('POST', '/v1/admin/tokens', adminToken, { org: 'acme', service: 'salesiq' });
    const route = routes.find((r) => r.path === '/v1/directory/org')!;
    expect(await statusOf(route, body.token)).toBe(200);
    expect((await server.call('DELETE', `/v1/admin/tokens/${body.id}`, adminToken)).body).toEqual({ revoked: true });
    expect(await statusOf(route, body.token)).toBe(401);
    const listed = await server.call('GET', '/v1/admin/tokens', adminToken);
    expect(JSON.stringify(listed.body)).not.toContain(body.token);
  });
});
