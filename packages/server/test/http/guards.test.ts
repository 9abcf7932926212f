// The guards on service tokens read a membership by channel (ServerDatabase.membershipInChannel):
// R25 refuses a disabled member where it acts (reply, assign, view, report inbound), R9 lets only
// the parent read the timeline, R26 keeps a service out of another service's isolated channel,
// and R17 keeps delivery statuses to the webhook and the admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, testServer, type TestServer } from './support/server';

let server: TestServer;
const at = '2026-01-01T09:00:00.000Z';
const number = '+81312345678';
const customer = '+819012345678';
let crm: string;
let desk: string;
let channel: string;
let conversation: string;
let books: string;

const connect = (service: string, extra: Record<string, unknown> = {}) => ({
  org: 'acme',
  number,
  service,
  mode: 'shared',
  reason: 'bundle',
  at,
  ...extra,
});
const admin = (method: string, path: string, body?: unknown) => server.call(method, path, adminToken, body);
const membership = (service: string, action: 'disable' | 'enable') =>
  admin('POST', '/v1/storage/changeMembership', { org: 'acme', number, service, action, at });

beforeAll(async () => {
  server = await testServer();
  await admin('POST', '/v1/admin/directory', {
    orgs: [
      { id: 'acme', plan: 'zoho-one' },
      { id: 'other', plan: 'zoho-one' },
    ],
    agents: [
      { org: 'acme', id: 'a', name: 'Agent A', access: ['crm', 'books'] },
      { org: 'acme', id: 'b', name: 'Agent B', access: ['desk'] },
    ],
    numbers: [{ number, verified: true }],
  });
  crm = await server.issue('acme', 'crm');
  desk = await server.issue('acme', 'desk');
  await server.call('POST', '/v1/storage/connect', crm, connect('crm'));
  await server.call('POST', '/v1/storage/connect', desk, connect('desk'));
  await admin('POST', '/v1/storage/connect', connect('books', { mode: 'isolated', reason: 'finance-service' }));
  await admin('POST', '/v1/storage/receive', {
    number,
    customer,
    providerId: 'wamid.g1',
    type: 'text',
    text: 'hi',
    raw: null,
    at,
  });
  channel = (await admin('POST', '/v1/storage/channelInfo', { org: 'acme', number })).body.channel;
  conversation = (await admin('POST', '/v1/storage/conversation', { org: 'acme', channel, customer })).body.id;
  books = (await admin('POST', '/v1/storage/channelInfo', { org: 'acme', number, service: 'books' })).body.channel;
}, 30_000);
afterAll(async () => server?.close());

/** The version a write carries: the storage's decision for the agent (R33). */
async function version(service = 'crm', agent = 'a'): Promise<number> {
  return (await admin('POST', '/v1/storage/decide', { org: 'acme', channel, customer, service, agent })).body.version;
}
const replyBody = async (service: string, agent: string) => ({
  org: 'acme',
  channel,
  conversation,
  expectedVersion: await version(),
  service,
  agent,
  agentName: 'x',
  type: 'text',
  text: 'hello',
  raw: null,
  assign: true,
  at,
});

describe('ServerDatabase.membershipInChannel', () => {
  it('R9, R11, R26: gives state and role, and null outside the org, for a non-member or an unknown channel', async () => {
    const db = server.db;
    expect(await db.membershipInChannel({ org: 'acme', channel, service: 'crm' })).toEqual({
      state: 'active',
      role: 'parent',
    });
    expect(await db.membershipInChannel({ org: 'acme', channel, service: 'desk' })).toEqual({
      state: 'active',
      role: 'child',
    });
    expect(await db.membershipInChannel({ org: 'acme', channel, service: 'books' })).toBeNull();
    expect(await db.membershipInChannel({ org: 'acme', channel: books, service: 'books' })).toEqual({
      state: 'active',
      role: 'parent',
    });
    expect(await db.membershipInChannel({ org: 'other', channel, service: 'crm' })).toBeNull();
    expect(await db.membershipInChannel({ org: 'acme', channel: 'ch_nope', service: 'crm' })).toBeNull();
    await expect(db.membershipInChannel({ org: 'acme', channel, service: 'Not A Service' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'service',
    });
  });
});

describe('R25: a disabled member is refused where it acts', () => {
  it('reply, assign, view and inbound are MEMBERSHIP_DISABLED while desk is disabled, and pass once it is enabled', async () => {
    await membership('desk', 'disable');
    expect(await server.db.membershipInChannel({ org: 'acme', channel, service: 'desk' })).toEqual({
      state: 'disabled',
      role: 'child',
    });
    const refused = { status: 422, body: { error: 'MEMBERSHIP_DISABLED' } };
    expect(await server.call('POST', '/v1/storage/appendReply', desk, await replyBody('desk', 'b'))).toMatchObject(
      refused,
    );
    expect(
      await server.call('POST', '/v1/storage/setAssignment', desk, {
        org: 'acme',
        channel,
        conversation,
        expectedVersion: await version(),
        service: 'desk',
        agent: 'b',
        at,
      }),
    ).toMatchObject(refused);
    expect(
      await server.call('POST', '/v1/storage/view', desk, { org: 'acme', channel, conversation, service: 'desk' }),
    ).toMatchObject(refused);
    expect(
      await server.call('POST', '/v1/storage/receive', desk, {
        number,
        customer,
        providerId: 'wamid.g2',
        type: 'text',
        text: 'x',
        raw: null,
        at,
      }),
    ).toMatchObject(refused);
    expect(
      (await admin('POST', '/v1/storage/view', { org: 'acme', channel, conversation, service: 'crm' })).body,
    ).toHaveLength(1); // nothing was written

    await membership('desk', 'enable');
    expect(
      await server.call('POST', '/v1/storage/view', desk, { org: 'acme', channel, conversation, service: 'desk' }),
    ).toMatchObject({ status: 200 });
    expect(await server.call('POST', '/v1/storage/appendReply', desk, await replyBody('desk', 'b'))).toMatchObject({
      status: 200,
      body: { message: expect.any(String) },
    });
  });

  it("R26: a crm token cannot act in books' isolated channel (NOT_CONNECTED)", async () => {
    const booksConversation = (
      await admin('POST', '/v1/storage/conversation', { org: 'acme', channel: books, customer })
    ).body;
    const ref = {
      org: 'acme',
      channel: books,
      conversation: booksConversation.id,
      expectedVersion: 0,
      service: 'crm',
      agent: 'a',
      at,
    };
    expect(await server.call('POST', '/v1/storage/setAssignment', crm, ref)).toMatchObject({
      status: 422,
      body: { error: 'NOT_CONNECTED' },
    });
    expect(
      await server.call('POST', '/v1/storage/view', crm, {
        org: 'acme',
        channel: books,
        conversation: booksConversation.id,
        service: 'crm',
      }),
    ).toMatchObject({ status: 422, body: { error: 'NOT_CONNECTED' } });
  });
});

describe('R9: only the parent reads the timeline', () => {
  it('the parent reads it; a child is NOT_PARENT; a non-member NOT_CONNECTED; a disabled parent hands the role on (R11)', async () => {
    expect(
      await server.call('POST', '/v1/storage/timeline', crm, { org: 'acme', channel, service: 'crm' }),
    ).toMatchObject({
      status: 200,
    });
    expect(
      await server.call('POST', '/v1/storage/timeline', desk, { org: 'acme', channel, service: 'desk' }),
    ).toMatchObject({
      status: 422,
      body: { error: 'NOT_PARENT' },
    });
    expect(
      await server.call('POST', '/v1/storage/timeline', crm, { org: 'acme', channel: books, service: 'crm' }),
    ).toMatchObject({
      status: 422,
      body: { error: 'NOT_CONNECTED' },
    });
    await membership('crm', 'disable');
    expect(
      await server.call('POST', '/v1/storage/timeline', crm, { org: 'acme', channel, service: 'crm' }),
    ).toMatchObject({
      status: 422,
      body: { error: 'MEMBERSHIP_DISABLED' },
    });
    expect(
      await server.call('POST', '/v1/storage/timeline', desk, { org: 'acme', channel, service: 'desk' }),
    ).toMatchObject({
      status: 200,
    });
    await membership('crm', 'enable');
    expect(
      await server.call('POST', '/v1/storage/timeline', crm, { org: 'acme', channel, service: 'crm' }),
    ).toMatchObject({
      status: 422,
      body: { error: 'NOT_PARENT' },
    });
  });
});

describe('R17: delivery statuses come from the webhook or the admin', () => {
  it('a service token may not report a status, even on its own reply; the admin may', async () => {
    const sent = await server.call('POST', '/v1/storage/appendReply', crm, await replyBody('crm', 'a'));
    const status = { org: 'acme', message: sent.body.message, status: 'read', error: null, at };
    expect(await server.call('POST', '/v1/storage/updateStatus', crm, status)).toMatchObject({
      status: 403,
      body: { error: 'FORBIDDEN' },
    });
    expect(
      await server.call('POST', '/v1/storage/updateStatus', desk, {
        ...status,
        status: 'failed',
        error: { code: 131026, title: 'Undeliverable' },
      }),
    ).toMatchObject({ status: 403 });
    const view = await server.call('POST', '/v1/storage/view', crm, {
      org: 'acme',
      channel,
      conversation,
      service: 'crm',
    });
    expect(view.body.find((m: { id: string }) => m.id === sent.body.message).status).toBe('sent');
    expect(await admin('POST', '/v1/storage/updateStatus', status)).toMatchObject({
      status: 200,
      body: { status: 'read', changed: true },
    });
  });
});
