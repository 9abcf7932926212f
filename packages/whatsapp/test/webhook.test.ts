// The webhook handler: challenge, signature over raw bytes, shape, every item of a batch.
import { describe, expect, it } from 'vitest';
import { createWhatsAppWebhook, messageObject, messagePayload, signWebhookBody, type WebhookBatch } from '../src';
import { LINE, SECRET, VERIFY, WA1, BSUID, post } from './support/world';

function recording(fail = false) {
  const batches: WebhookBatch[] = [];
  const handler = createWhatsAppWebhook({
    appSecret: SECRET,
    verifyToken: VERIFY,
    ingest: async (batch) => {
      if (fail) throw new Error('database is down');
      batches.push(batch);
    },
  });
  return { handler, batches };
}

const textPayload = (id = 'wamid.A1', body = 'hello') =>
  messagePayload(
    LINE,
    { phone: WA1, name: 'Taro' },
    { id, at: '2025-06-01T10:00:00Z', type: 'text', content: { body } },
  );

describe('webhook: subscription challenge', () => {
  const { handler } = recording();
  const get = (query: string) => handler(new Request(`http://127.0.0.1/webhooks/whatsapp?${query}`));

  it('answers 200 with hub.challenge as the exact body when the verify token matches', async () => {
    const response = await get(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('1158201444');
  });

  it('answers 403 for a wrong token, a missing token or another mode', async () => {
    for (const query of [
      `hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`,
      `hub.mode=subscribe&hub.challenge=1`,
      `hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`,
    ]) {
      const response = await get(query);
      expect(response.status, query).toBe(403);
      expect(await response.text()).not.toContain('1"');
    }
  });
});

describe('webhook: signature over the raw bytes (401 before anything is parsed or stored)', () => {
  const body = JSON.stringify(textPayload());

  it('refuses an unsigned delivery', async () => {
    const { handler, batches } = recording();
    const response = await handler(post(body, null));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'UNAUTHORIZED' });
    expect(batches).toHaveLength(0);
  });

  it('refuses a delivery signed with another secret, or with a malformed header', async () => {
    const { handler, batches } = recording();
    for (const header of [
      signWebhookBody(body, 'another-secret'),
      'sha256=abc',
      `sha1=${'a'.repeat(40)}`,
      signWebhookBody(body, SECRET).replace('sha256=', ''),
    ]) {
      expect((await handler(post(body, header))).status, header).toBe(401);
    }
    expect(batches).toHaveLength(0);
  });

  it('refuses a tampered body (signature of the original bytes)', async () => {
    const { handler, batches } = recording();
    const tampered = body.replace('hello', 'HELLO');
    expect((await handler(post(tampered, signWebhookBody(body, SECRET)))).status).toBe(401);
    expect(batches).toHaveLength(0);
  });

  it('accepts a delivery signed over pretty-printed bytes (no re-serialisation)', async () => {
    const { handler, batches } = recording();
    const pretty = JSON.stringify(textPayload(), null, 2).replace(/\n/g, '\r\n');
    const response = await handler(post(pretty));
    expect(response.status).toBe(200);
    expect(batches[0]!.messages).toMatchObject([
      { id: 'wamid.A1', customer: `+${WA1}`, text: 'hello', profileName: 'Taro' },
    ]);
  });

  it('accepts an uppercase hex signature and non-ASCII text exactly as received', async () => {
    const { handler, batches } = recording();
    const unicode = JSON.stringify(textPayload('wamid.U', 'こんにちは 👋'));
    const response = await handler(post(unicode, `sha256=${signWebhookBody(unicode, SECRET).slice(7).toUpperCase()}`));
    expect(response.status).toBe(200);
    expect(batches[0]!.messages[0]!.text).toBe('こんにちは 👋');
  });
});

describe('webhook: shape (400, nothing stored)', () => {
  it('refuses signed garbage, signed non-objects and signed wrong shapes, naming the field', async () => {
    const { handler, batches } = recording();
    const cases: [string, string | null][] = [
      ['this is not json', null],
      ['[1,2,3]', null],
      [JSON.stringify({ object: 'page', entry: [] }), 'object'],
      [
        JSON.stringify({
          object: 'whatsapp_business_account',
          entry: [{ id: '1', changes: [{ field: 'messages', value: { messages: [] } }] }],
        }),
        'entry.0.changes.0.value.metadata',
      ],
      // Found by the chaos fuzzing: these were routed, failed, and answered 500 (redelivered forever).
      [
        JSON.stringify({
          ...textPayload(),
          entry: [
            {
              id: '1',
              changes: [
                {
                  field: 'messages',
                  value: {
                    metadata: { display_phone_number: '1', phone_number_id: "'; DROP TABLE channels; --" },
                    messages: [],
                  },
                },
              ],
            },
          ],
        }),
        'entry.0.changes.0.value.metadata.phone_number_id',
      ],
      [
        JSON.stringify({
          ...textPayload(),
          entry: [
            {
              id: '1',
              changes: [
                {
                  field: 'messages',
                  value: { metadata: { display_phone_number: '1', phone_number_id: '1'.repeat(76) }, messages: [] },
                },
              ],
            },
          ],
        }),
        'entry.0.changes.0.value.metadata.phone_number_id',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await handler(post(body));
      expect(response.status, body).toBe(400);
      const json = (await response.json()) as { error: string; field?: string };
      expect(json.error).toBe('INVALID_INPUT');
      if (field) expect(json.field).toBe(field);
    }
    expect(batches).toHaveLength(0);
  });

  it('passes changes of other fields through instead of refusing the delivery', async () => {
    const { handler, batches } = recording();
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: LINE.account, changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }],
    });
    expect((await handler(post(body))).status).toBe(200);
    expect(batches[0]).toMatchObject({
      messages: [],
      statuses: [],
      other: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }],
    });
  });

  it('answers 405 to other methods and 413 to oversized bodies', async () => {
    const { handler } = recording();
    expect(
      (await handler(new Request('http://127.0.0.1/webhooks/whatsapp', { method: 'PUT', body: '{}' }))).status,
    ).toBe(405);
    const big = createWhatsAppWebhook({
      appSecret: SECRET,
      verifyToken: VERIFY,
      ingest: () => undefined,
      maxBodyBytes: 1024,
    });
    expect((await big(post('x'.repeat(2048)))).status).toBe(413);
  });
});

describe('webhook: every item of a batched delivery', () => {
  it('normalises 2 entries × 2 changes × 3 messages: all 12, in order', async () => {
    const { handler, batches } = recording();
    const entry = (e: number) => ({
      id: `waba-${e}`,
      changes: [0, 1].map((c) => ({
        field: 'messages',
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: LINE.displayPhoneNumber, phone_number_id: LINE.phoneNumberId },
          contacts: [{ profile: { name: 'Taro' }, wa_id: WA1 }],
          messages: [0, 1, 2].map((m) =>
            messageObject(
              { phone: WA1 },
              {
                id: `wamid.${e}${c}${m}`,
                at: 1_750_000_000_000 + m * 1000,
                type: 'text',
                content: { body: `m${e}${c}${m}` },
              },
            ),
          ),
        },
      })),
    });
    const response = await handler(
      post(JSON.stringify({ object: 'whatsapp_business_account', entry: [entry(0), entry(1)] })),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, messages: 12 });
    const ids = batches[0]!.messages.map((m) => m.id);
    expect(ids).toEqual(
      ['000', '001', '002', '010', '011', '012', '100', '101', '102', '110', '111', '112'].map((x) => `wamid.${x}`),
    );
    expect(batches[0]!.messages[3]).toMatchObject({
      account: 'waba-0',
      phoneNumberId: LINE.phoneNumberId,
      customer: `+${WA1}`,
      at: '2025-06-15T15:06:40.000Z',
      type: 'text',
    });
  });

  it('keys a customer by business-scoped user id when the phone is absent', async () => {
    const { handler, batches } = recording();
    const payload = messagePayload(
      LINE,
      { userId: BSUID, name: 'Hidden' },
      { id: 'wamid.B', at: Date.UTC(2025, 5, 1), type: 'text', content: { body: 'hi' } },
    );
    expect((await handler(post(JSON.stringify(payload)))).status).toBe(200);
    expect(batches[0]!.messages[0]).toMatchObject({
      customer: BSUID,
      phone: null,
      userId: BSUID,
      profileName: 'Hidden',
    });
  });

  it('keeps every non-text type as {type, raw}, unknown future types included', async () => {
    const { handler, batches } = recording();
    const kinds: [string, unknown][] = [
      ['image', { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'abc', caption: 'receipt' }],
      ['location', { latitude: 35.68, longitude: 139.76, name: 'Tokyo' }],
      ['reaction', { message_id: 'wamid.X', emoji: '👍' }],
      ['interactive', { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } }],
      ['unsupported', undefined],
      ['hologram', { frames: 3 }],
    ];
    const value = {
      metadata: { display_phone_number: LINE.displayPhoneNumber, phone_number_id: LINE.phoneNumberId },
      messages: kinds.map(([type, content], i) =>
        messageObject({ phone: WA1 }, { id: `wamid.T${i}`, at: 0, type, content }),
      ),
    };
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: LINE.account, changes: [{ field: 'messages', value }] }],
    });
    expect((await handler(post(body))).status).toBe(200);
    const messages = batches[0]!.messages;
    expect(messages.map((m) => [m.type, m.text])).toEqual(kinds.map(([type]) => [type, null]));
    expect(messages[0]!.raw).toMatchObject({ image: { caption: 'receipt' } });
    expect(messages[5]!.raw).toMatchObject({ hologram: { frames: 3 } });
  });

  it('reads every status with its errors, callback data, wamid, recipient and timestamp', async () => {
    const { handler, batches } = recording();
    const value = {
      metadata: { display_phone_number: LINE.displayPhoneNumber, phone_number_id: LINE.phoneNumberId },
      statuses: [
        {
          id: 'wamid.S1',
          status: 'read',
          timestamp: '1750000000',
          recipient_id: WA1,
          biz_opaque_callback_data: 'cb-1',
        },
        {
          id: 'wamid.S2',
          status: 'failed',
          timestamp: '1750000001',
          recipient_user_id: BSUID,
          errors: [
            {
              code: 131026,
              title: 'Message undeliverable',
              message: 'Message undeliverable',
              error_data: { details: 'Receiver is incapable of receiving this message' },
            },
          ],
        },
      ],
    };
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: LINE.account, changes: [{ field: 'messages', value }] }],
    });
    expect((await handler(post(body))).status).toBe(200);
    expect(batches[0]!.statuses).toMatchObject([
      {
        id: 'wamid.S1',
        status: 'read',
        at: '2025-06-15T15:06:40.000Z',
        recipient: `+${WA1}`,
        recipientId: WA1,
        bizOpaqueCallbackData: 'cb-1',
        errors: [],
      },
      {
        id: 'wamid.S2',
        status: 'failed',
        recipient: BSUID,
        bizOpaqueCallbackData: null,
        errors: [
          { code: 131026, title: 'Message undeliverable', details: 'Receiver is incapable of receiving this message' },
        ],
      },
    ]);
  });

  it('answers 500 when ingest fails, so WhatsApp delivers again', async () => {
    const { handler } = recording(true);
    const response = await handler(post(JSON.stringify(textPayload())));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('hello');
  });
});
