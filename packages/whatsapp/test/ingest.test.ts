// The glue into the real core (createOneNumber over createMemoryStorage): inbound through receive
// (deduped on the wamid, R15), statuses through updateStatus (only forward, R17).
import { describe, expect, it } from 'vitest';
import {
  createMemoryOutbox,
  createWhatsAppWebhook,
  encodeCallbackData,
  ingestInto,
  messagePayload,
  normaliseWebhook,
  resolveByDisplayNumber,
  statusPayload,
  webhookPayloadSchema,
  type IngestReport,
} from '../src';
import { BSUID, LINE, N1, SECRET, VERIFY, WA1, connected, post, resolveN1 } from './support/world';

const at = (minute: number) => Date.UTC(2025, 5, 1, 10, minute);
const inbound = (id: string, body: string, minute = 0, who: { phone?: string; userId?: string } = { phone: WA1 }) =>
  JSON.stringify(messagePayload(LINE, who, { id, at: at(minute), type: 'text', content: { body } }));

async function setup() {
  const one = await connected();
  const outbox = createMemoryOutbox();
  const reports: IngestReport[] = [];
  const ingest = ingestInto(one, { resolveNumber: resolveN1, findByProviderId: outbox.findByProviderId });
  const handler = createWhatsAppWebhook({
    appSecret: SECRET,
    verifyToken: VERIFY,
    ingest: async (batch) => reports.push(await ingest(batch)),
  });
  const view = (service = 'crm', customer = `+${WA1}`) =>
    one.view({ org: 'acme', service, agent: service === 'crm' ? 'a' : 'b', number: N1, customer });
  return { one, outbox, reports, handler, view };
}

/** A reply accepted by the core and sent: queued, then completed with the provider's wamid. */
async function sentReply(s: Awaited<ReturnType<typeof setup>>, wamid: string, text = 'thanks, on it') {
  const { message } = await s.one.reply({
    org: 'acme',
    service: 'crm',
    agent: 'a',
    number: N1,
    customer: `+${WA1}`,
    text,
  });
  s.outbox.enqueue({
    id: message,
    org: 'acme',
    number: N1,
    customer: `+${WA1}`,
    service: 'crm',
    type: 'text',
    text,
    raw: null,
    at: new Date(at(1)).toISOString(),
  });
  await s.outbox.claim({ limit: 1, leaseMs: 60_000, worker: 'w', now: new Date(at(1)).toISOString() });
  await s.outbox.complete({ id: message, providerMessageId: wamid, at: new Date(at(1)).toISOString() });
  return message;
}

describe('ingestInto: inbound messages into the core', () => {
  it('R15: stores a customer message for every active member, with its wamid, type and time', async () => {
    const s = await setup();
    expect((await s.handler(post(inbound('wamid.IN1', 'hello')))).status).toBe(200);
    expect(s.reports[0]).toMatchObject({ messages: { received: 1, duplicates: 0 } });
    for (const service of ['crm', 'desk']) {
      const { messages } = await s.view(service);
      expect(messages).toMatchObject([
        { direction: 'in', type: 'text', text: 'hello', at: new Date(at(0)).toISOString() },
      ]);
    }
  });

  it('R15: a redelivery of the same wamid is stored once', async () => {
    const s = await setup();
    const body = inbound('wamid.IN1', 'hello');
    expect((await s.handler(post(body))).status).toBe(200);
    expect((await s.handler(post(body))).status).toBe(200);
    expect(s.reports.map((r) => [r.messages.received, r.messages.duplicates])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect((await s.view()).messages).toHaveLength(1);
  });

  it('keys a business-scoped-id-only customer by that id, and keeps a non-text type with its raw payload', async () => {
    const s = await setup();
    const image = JSON.stringify(
      messagePayload(
        LINE,
        { userId: BSUID },
        {
          id: 'wamid.IMG',
          at: at(2),
          type: 'image',
          content: { id: '1479537139650973', mime_type: 'image/jpeg', caption: 'receipt' },
        },
      ),
    );
    expect((await s.handler(post(image))).status).toBe(200);
    const { messages } = await s.view('crm', BSUID);
    expect(messages).toMatchObject([
      {
        type: 'image',
        text: '📷 Photo: receipt',
        raw: {
          from_user_id: BSUID,
          image: { caption: 'receipt' },
          onenumber: { kind: 'image', caption: 'receipt', mediaId: '1479537139650973', mimeType: 'image/jpeg' },
        },
      },
    ]);
  });

  it('refuses (500) a message for an unregistered phone_number_id, so WhatsApp delivers it again once it is registered', async () => {
    const one = await connected();
    let registered = false;
    const ingest = ingestInto(one, { resolveNumber: (o) => (registered ? resolveN1(o) : null) });
    const handler = createWhatsAppWebhook({ appSecret: SECRET, verifyToken: VERIFY, ingest });
    const body = inbound('wamid.LATE', 'are you there?');
    expect((await handler(post(body))).status).toBe(500);
    registered = true;
    expect((await handler(post(body))).status).toBe(200);
    const skip = ingestInto(one, { resolveNumber: () => null, unroutable: 'skip' });
    const batch = normaliseWebhook(webhookPayloadSchema.parse(JSON.parse(body)));
    expect(await skip(batch)).toMatchObject({ messages: { received: 0, unroutable: 1 } });
  });

  it('resolveByDisplayNumber maps the signed display number to E.164', () => {
    expect(resolveByDisplayNumber(LINE)).toBe(N1);
  });
});

describe('ingestInto: statuses only move forward (R17)', () => {
  it('R17: read before delivered ends in read, in every service', async () => {
    const s = await setup();
    await s.handler(post(inbound('wamid.IN1', 'hello')));
    await sentReply(s, 'wamid.OUT1');
    const who = { phone: WA1 };
    for (const status of ['read', 'delivered', 'sent'] as const) {
      expect(
        (await s.handler(post(JSON.stringify(statusPayload(LINE, who, { id: 'wamid.OUT1', status, at: at(3) })))))
          .status,
      ).toBe(200);
    }
    expect(s.reports.slice(1).map((r) => [r.statuses.applied, r.statuses.unchanged])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
    expect((await s.view('crm')).messages[1]).toMatchObject({
      direction: 'out',
      status: 'read',
      text: 'thanks, on it',
    });
    expect((await s.view('desk')).messages[1]).toMatchObject({
      direction: 'out',
      status: 'read',
      masked: true,
      text: null,
    });
  });

  it('R17: failed carries its error and is not undone by a later delivered', async () => {
    const s = await setup();
    await s.handler(post(inbound('wamid.IN1', 'hello')));
    await sentReply(s, 'wamid.OUT2');
    const who = { phone: WA1 };
    await s.handler(
      post(
        JSON.stringify(
          statusPayload(LINE, who, {
            id: 'wamid.OUT2',
            status: 'failed',
            at: at(3),
            errors: [{ code: 131026, title: 'Message undeliverable' }],
          }),
        ),
      ),
    );
    await s.handler(
      post(JSON.stringify(statusPayload(LINE, who, { id: 'wamid.OUT2', status: 'delivered', at: at(4) }))),
    );
    expect((await s.view()).messages[1]).toMatchObject({
      status: 'failed',
      error: { code: 131026, title: 'Message undeliverable' },
    });
  });

  it('skips and counts a status whose wamid is unknown (not an error)', async () => {
    const s = await setup();
    const response = await s.handler(
      post(JSON.stringify(statusPayload(LINE, { phone: WA1 }, { id: 'wamid.NOBODY', status: 'delivered', at: at(3) }))),
    );
    expect(response.status).toBe(200);
    expect(s.reports[0]).toMatchObject({ statuses: { unknown: 1, applied: 0 } });
  });

  it('routes a status by biz_opaque_callback_data when it arrives before the send was recorded', async () => {
    const s = await setup();
    await s.handler(post(inbound('wamid.IN1', 'hello')));
    const { message } = await s.one.reply({
      org: 'acme',
      service: 'crm',
      agent: 'a',
      number: N1,
      customer: `+${WA1}`,
      text: 'quick',
    });
    const bizOpaqueCallbackData = encodeCallbackData({ org: 'acme', service: 'crm', message });
    await s.handler(
      post(
        JSON.stringify(
          statusPayload(
            LINE,
            { phone: WA1 },
            { id: 'wamid.RACE', status: 'delivered', at: at(3), bizOpaqueCallbackData },
          ),
        ),
      ),
    );
    expect(s.reports[1]).toMatchObject({ statuses: { applied: 1 } });
    expect((await s.view()).messages[1]).toMatchObject({ status: 'delivered' });
    const forged = encodeCallbackData({ org: 'acme', service: 'crm', message: 'msg_nope' });
    await s.handler(
      post(
        JSON.stringify(
          statusPayload(
            LINE,
            { phone: WA1 },
            { id: 'wamid.X', status: 'read', at: at(3), bizOpaqueCallbackData: forged },
          ),
        ),
      ),
    );
    expect(s.reports[2]).toMatchObject({ statuses: { unknown: 1 } });
  });
});
