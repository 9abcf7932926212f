// The simulator: a customer phone in process behind the transport interface, delivering signed
// webhooks. End to end with the real core, the webhook, the outbox worker: no Meta account.
import { describe, expect, it } from 'vitest';
import {
  createGraphApiHandler,
  createGraphClient,
  createManualClock,
  createMemoryOutbox,
  createOutboxWorker,
  createSimulator,
  createWhatsAppWebhook,
  ingestInto,
  lastInboundFromStorage,
  WhatsAppGraphError,
  type IngestReport,
} from '../src';
import { serve } from './support/httpServer';
import { BSUID, N1, PNID, SECRET, VERIFY, connectedWorld } from './support/world';

async function system(statuses: 'auto' | 'manual' = 'auto') {
  const clock = createManualClock({ start: '2025-06-01T10:00:00.000Z' });
  const { one, storage } = await connectedWorld(() => new Date(clock.now()));
  const outbox = createMemoryOutbox({
    onGiveUp: (item, error) =>
      one.updateStatus({ org: item.org, message: item.id, status: 'failed', error }).then(() => undefined),
  });
  const sim = createSimulator({ appSecret: SECRET, numbers: { [N1]: PNID }, clock, statuses });
  const reports: IngestReport[] = [];
  const ingest = ingestInto(one, {
    resolveNumber: (o) => sim.numberOf(o.phoneNumberId),
    findByProviderId: outbox.findByProviderId,
  });
  let failIngest = 0;
  const webhook = createWhatsAppWebhook({
    appSecret: SECRET,
    verifyToken: VERIFY,
    ingest: async (batch) => {
      if (failIngest-- > 0) throw new Error('database unavailable');
      reports.push(await ingest(batch));
    },
  });
  sim.connect(webhook);
  const worker = createOutboxWorker({ outbox, client: sim, clock, lastInboundAt: lastInboundFromStorage(storage) });
  /** What the durable store does in appendReply: the accepted reply is queued in the same write. */
  async function reply(service: 'crm' | 'desk', customer: string, text: string) {
    const { message } = await one.reply({
      org: 'acme',
      service,
      agent: service === 'crm' ? 'a' : 'b',
      number: N1,
      customer,
      text,
    });
    outbox.enqueue({
      id: message,
      org: 'acme',
      number: N1,
      customer,
      service,
      type: 'text',
      text,
      raw: null,
      at: new Date(clock.now()).toISOString(),
    });
    return message;
  }
  const view = (service: 'crm' | 'desk', customer: string) =>
    one.view({ org: 'acme', service, agent: service === 'crm' ? 'a' : 'b', number: N1, customer });
  return {
    clock,
    one,
    outbox,
    sim,
    worker,
    reply,
    view,
    reports,
    failNextIngest: () => {
      failIngest = 1;
    },
  };
}

describe('simulator: a customer phone with no Meta account', () => {
  it('a customer writes, CRM replies, the phone receives it, and sent → delivered → read come back to every service (R15..R17)', async () => {
    const s = await system();
    const taro = s.sim.customer('+819012345678', { name: 'Taro' });
    expect((await taro.send('Where is my order?', { to: N1 })).status).toBe(200);
    expect((await s.view('desk', taro.id)).messages).toMatchObject([{ direction: 'in', text: 'Where is my order?' }]);

    const message = await s.reply('crm', taro.id, 'It ships today.');
    await s.worker.tick();
    expect(taro.inbox()).toMatchObject([
      { from: N1, to: taro.id, type: 'text', text: 'It ships today.', status: 'sent' },
    ]);
    await s.sim.settle();
    expect((await s.view('crm', taro.id)).messages[1]).toMatchObject({
      id: message,
      status: 'delivered',
      text: 'It ships today.',
    });

    await taro.read();
    expect((await s.view('desk', taro.id)).messages[1]).toMatchObject({
      id: message,
      status: 'read',
      masked: true,
      text: null,
    });
    expect(s.sim.deliveries().map((d) => [d.kind, d.status])).toEqual([
      ['messages', 200],
      ['statuses', 200],
      ['statuses', 200],
      ['statuses', 200],
    ]);
    expect(s.worker.counters).toMatchObject({ sent: 1, repeatsSuspected: 0 });
  });

  it('statuses delivered out of order (read before delivered) end in read', async () => {
    const s = await system('manual');
    const taro = s.sim.customer('+819012345678');
    await taro.send('hi', { to: N1 });
    await s.reply('crm', taro.id, 'hello!');
    await s.worker.tick();
    await s.sim.settle();
    expect((await s.view('crm', taro.id)).messages[1]).toMatchObject({ status: 'sent' });
    const wamid = taro.inbox()[0]!.id;
    expect(await s.sim.deliverStatus(wamid, 'read')).toBe(200);
    expect(await s.sim.deliverStatus(wamid, 'delivered')).toBe(200);
    expect((await s.view('crm', taro.id)).messages[1]).toMatchObject({ status: 'read' });
    expect(s.reports.slice(1).map((r) => [r.statuses.applied, r.statuses.unchanged])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('a business-scoped-id customer (no phone) writes and is answered by that id', async () => {
    const s = await system();
    const hidden = s.sim.customer(BSUID);
    await hidden.sendMessage({ to: N1, type: 'location', content: { latitude: 35.68, longitude: 139.76 } });
    expect((await s.view('crm', BSUID)).messages).toMatchObject([
      {
        type: 'location',
        text: '📍 Location: 35.68, 139.76',
        raw: { from_user_id: BSUID, onenumber: { kind: 'location', latitude: 35.68 } },
      },
    ]);
    await s.reply('crm', BSUID, 'Thanks for the location');
    await s.worker.tick();
    expect(hidden.inbox()).toMatchObject([{ to: BSUID, text: 'Thanks for the location' }]);
  });

  it('enforces the 24-hour window like WhatsApp (131047), and the worker fails such a reply for good', async () => {
    const s = await system();
    const taro = s.sim.customer('+819012345678');
    await taro.send('hi', { to: N1 });
    const error = await s.sim.sendText({ from: N1, to: '+819099999999', body: 'cold' }).catch((e: unknown) => e);
    expect(WhatsAppGraphError.isGraphError(error) && error.graphCode).toBe(131047);
    await expect(
      s.sim.sendTemplate({ from: N1, to: '+819099999999', template: { name: 'hello_world', language: 'en_US' } }),
    ).resolves.toMatchObject({ id: expect.stringMatching(/^wamid\./) });

    const late = await s.reply('crm', taro.id, 'sorry for the wait');
    s.clock.advance(25 * 3_600_000); // the reply sat in the outbox past the window
    await s.worker.tick();
    expect(taro.inbox().filter((m) => m.type === 'text')).toHaveLength(0);
    expect(s.worker.counters).toMatchObject({ windowClosed: 1, failed: 1 });
    expect((await s.view('crm', taro.id)).messages.find((m) => m.id === late)).toMatchObject({
      status: 'failed',
      error: { code: 'WINDOW_CLOSED' },
    });
  });

  it('failNext answers with a real Graph error body, typed like the Graph client', async () => {
    const s = await system();
    await s.sim.customer('+819012345678').send('hi', { to: N1 });
    s.sim.failNext(130429);
    const error = await s.sim.sendText({ from: N1, to: '+819012345678', body: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ graphCode: 130429, kind: 'rate-limit', retryable: true });
  });

  it('keeps a delivery the webhook did not acknowledge and redelivers it: stored once', async () => {
    const s = await system();
    const taro = s.sim.customer('+819012345678');
    s.failNextIngest();
    expect((await taro.send('are you there?', { to: N1 })).status).toBe(500);
    expect(await s.sim.redeliver()).toEqual([200]);
    expect(await s.sim.redeliver()).toEqual([]);
    expect((await s.view('crm', taro.id)).messages).toHaveLength(1);
  });

  it('delivers signed webhooks to a URL over real HTTP (127.0.0.1, free port)', async () => {
    const s = await system();
    const handler = createWhatsAppWebhook({
      appSecret: SECRET,
      verifyToken: VERIFY,
      ingest: ingestInto(s.one, { resolveNumber: (o) => s.sim.numberOf(o.phoneNumberId) }),
    });
    const server = await serve(handler);
    try {
      s.sim.connect(server.url);
      const taro = s.sim.customer('+819012345678');
      expect((await taro.send('over the wire', { to: N1 })).status).toBe(200);
      expect((await s.view('crm', taro.id)).messages).toMatchObject([{ text: 'over the wire' }]);
      const challenge = await fetch(`${server.url}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=424242`);
      expect([challenge.status, await challenge.text()]).toEqual([200, '424242']);
      const wrongSecret = createSimulator({
        appSecret: 'not-the-secret',
        numbers: { [N1]: PNID },
        webhook: server.url,
      });
      expect((await wrongSecret.customer('+819012345678').send('forged', { to: N1 })).status).toBe(401);
      expect((await s.view('crm', taro.id)).messages).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('serves as a loopback Graph API (WHATSAPP_GRAPH_URL) for a server in another process, with real shapes', async () => {
    const s = await system();
    const taro = s.sim.customer('+819012345678');
    await taro.send('hi', { to: N1 });
    const graph = await serve(createGraphApiHandler(s.sim, { accessToken: 'loopback-token' }));
    try {
      const client = createGraphClient({
        env: { WHATSAPP_GRAPH_URL: graph.origin, WHATSAPP_ACCESS_TOKEN: 'loopback-token' },
        phoneNumberId: (n) => s.sim.phoneNumberIdOf(n),
        maxAttempts: 1,
      });
      const sent = await client.sendText({ from: N1, to: taro.id, body: 'via HTTP', bizOpaqueCallbackData: 'cb' });
      expect(taro.inbox()).toMatchObject([{ id: sent.id, text: 'via HTTP', bizOpaqueCallbackData: 'cb' }]);
      const cold = await client.sendText({ from: N1, to: '+819099999999', body: 'cold' }).catch((e: unknown) => e);
      expect(cold).toMatchObject({ graphCode: 131047, code: 'WINDOW_CLOSED', retryable: false });
      const badToken = createGraphClient({
        graphUrl: graph.origin,
        accessToken: 'stale',
        phoneNumberId: PNID,
        env: {},
      });
      expect(await badToken.sendText({ from: N1, to: taro.id, body: 'x' }).catch((e: unknown) => e)).toMatchObject({
        code: 'UNAUTHORIZED',
        graphCode: 190,
      });
    } finally {
      await graph.close();
    }
  });
});
