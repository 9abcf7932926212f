// R38 through the server (issue 19): a reply WhatsApp refuses for an account reason (190 expired
// token; 131031 account locked) was never sent, so it stays `pending`, never `failed`, in every
// service, and the sender pauses; POST /v1/admin/whatsapp/resume (with a new token, or once the
// account is fixed) sends it exactly once, before the replies queued after it, and only then is
// it `sent`. On SQLite and PostgreSQL. The Graph API is msw with Meta's error bodies (Cloud API
// reference, "Error codes").
import { decodeCallbackData, messagePayload } from '@onenumber/whatsapp';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../src';
import { openPostgresDatabase } from '../../src/db';
import { adminToken } from '../http/support/server';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { accepted, createGraphMock, graphError, type GraphCall } from './support/graphMock';
import { N, agents, line, until, whatsappWorld, type WhatsAppWorld } from './support/world';

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

/** Meta's answer when the business account is locked. */
const accountLocked = () =>
  HttpResponse.json(
    {
      error: {
        message: '(#131031) Business Account locked',
        type: 'OAuthException',
        code: 131031,
        error_data: { messaging_product: 'whatsapp', details: 'Business Account locked.' },
        fbtrace_id: 'AazOmKj1tYvNqWY8IhNIUuE',
      },
    },
    { status: 400 },
  );

const reply = (text: string) =>
  world!.sdk.crm.reply({ org: 'acme', service: 'crm', agent: agents.crm, number: N, customer: taro, text });
const counters = async () => (await world!.report()).sender.counters;
const messageIn = async (service: 'crm' | 'desk', id: string) =>
  (await world!.view(service, N, taro)).find((m) => m.id === id)!;
const sentMessages = (calls: GraphCall[]) =>
  calls.filter((c) => c.wamid !== null).map((c) => decodeCallbackData(c.body.biz_opaque_callback_data)?.message);

async function openWindow(id: string) {
  await world!.deliver(
    messagePayload(line(N), { phone: taro }, { id, at: Date.now(), type: 'text', content: { body: 'hello?' } }),
  );
}

let postgres: TestPostgres | undefined;
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

const dialects: [string, () => Promise<ServerDatabase | undefined>][] = [
  ['sqlite', async () => undefined],
  [
    'postgres',
    async () => {
      postgres ??= await startPostgres();
      return openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 4 } });
    },
  ],
];

/** The held reply's statusChanged events, as one service reads them. */
const statusesOf = async (service: 'crm' | 'desk', id: string) =>
  (await world!.events(service))
    .filter((e) => e.type === 'statusChanged' && (e as { message?: string }).message === id)
    .map((e) => (e as { status?: string }).status);

describe.each(dialects)('R38 on %s: an account refusal keeps the reply pending; resume sends it once', (_, open) => {
  it('190: pending (never failed, in either service), paused; POST /v1/admin/whatsapp/resume with a new token sends it exactly once, then it is sent', async () => {
    const db = await open();
    world = await whatsappWorld(sending, db ? { db } : {});
    graph.otherwise((call) => (call.authorization === 'Bearer graph-token-2' ? accepted(call) : graphError(190)(call)));
    await openWindow('wamid.in.resume.1');
    const held = await reply('Your order ships today.');
    await until(async () => (await world!.report()).sender.paused === 'auth', 'the pause');
    const statusBefore = (await messageIn('crm', held.message)).status;
    expect(statusBefore).toBe('pending');

    const later = await reply('Tracking number follows.');
    await new Promise((r) => setTimeout(r, 200)); // paused: nothing else reaches WhatsApp
    expect(graph.calls).toHaveLength(1);
    expect(await counters()).toMatchObject({ sent: 0, failed: 0, authErrors: 1 });
    expect(await messageIn('crm', held.message)).toMatchObject({ status: statusBefore, error: null });
    expect(await messageIn('desk', held.message)).toMatchObject({ status: statusBefore, masked: true });

    const resumed = await world.server.call('POST', '/v1/admin/whatsapp/resume', adminToken, {
      accessToken: 'graph-token-2',
    });
    expect(resumed).toMatchObject({ status: 200, body: { paused: null } });
    await until(async () => (await counters()).sent === 2, 'both replies sent');
    // Each exactly once, the held reply first (R38): it keeps its place in its conversation.
    const inOrder = [held.message, later.message];
    expect(sentMessages(graph.calls)).toEqual(inOrder);
    await new Promise((r) => setTimeout(r, 200)); // and never again
    expect(sentMessages(graph.calls)).toEqual(inOrder);
    // The held reply comes back in its place, not after its lease lapsed: no suspected repeat.
    expect(await counters()).toMatchObject({ sent: 2, failed: 0, authErrors: 1, repeatsSuspected: 0 });
    // R38: sent once WhatsApp accepted it, for the sender and (masked) for the others; one change each.
    expect(await messageIn('crm', held.message)).toMatchObject({ status: 'sent', error: null });
    expect(await messageIn('desk', held.message)).toMatchObject({ status: 'sent', masked: true });
    expect(await statusesOf('crm', held.message)).toEqual(['sent']);
    expect(await statusesOf('desk', held.message)).toEqual(['sent']);
    const events = await world.events('desk');
    expect(events.filter((e) => e.type === 'statusChanged' && (e as { status?: string }).status === 'failed')).toEqual(
      [],
    );
  }, 180_000);

  it('131031 (account locked): pending and paused; resume without a new token (the account was fixed) sends it once', async () => {
    const db = await open();
    world = await whatsappWorld(sending, db ? { db } : {});
    graph.answer(accountLocked);
    await openWindow('wamid.in.resume.2');
    const held = await reply('We are on it.');
    await until(async () => (await world!.report()).sender.paused === 'auth', 'the pause');
    expect((await messageIn('crm', held.message)).status).toBe('pending');
    const resumed = await world.server.call('POST', '/v1/admin/whatsapp/resume', adminToken, {});
    expect(resumed).toMatchObject({ status: 200, body: { paused: null } });
    await until(async () => (await counters()).sent === 1, 'the send after resume');
    expect(graph.calls.map((c) => decodeCallbackData(c.body.biz_opaque_callback_data)?.message)).toEqual([
      held.message,
      held.message,
    ]);
    expect(sentMessages(graph.calls)).toEqual([held.message]);
    expect(await messageIn('crm', held.message)).toMatchObject({ status: 'sent', error: null });
  }, 180_000);
});
