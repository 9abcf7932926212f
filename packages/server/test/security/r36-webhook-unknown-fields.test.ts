// R36: a webhook delivery keeps unknown fields (WhatsApp adds fields; an error answer would mean
// days of redelivery). Fields no version of our schema knows, at every level of a signed
// delivery, are answered 200 and the message is stored and shown.
import { messagePayload, signWebhookBody } from '@onenumber/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_SECRET, line, N, whatsappWorld, type WhatsAppWorld } from '../whatsapp/support/world';
import { taro } from './support';

let world: WhatsAppWorld;
beforeEach(async () => {
  world = await whatsappWorld();
}, 30_000);
afterEach(async () => world.close());

describe('R36: webhook payloads keep unknown fields', () => {
  it('R36: unknown fields on the delivery, its entry, change, value, contact and message are 200, the message stored', async () => {
    const payload = messagePayload(
      line(N),
      { phone: taro, name: 'Taro' },
      { id: 'wamid.unknown-fields', at: Date.now(), type: 'text', content: { body: 'hello' } },
    ) as {
      entry: { changes: { value: { contacts: object[]; messages: object[] } & object }[] }[];
    } & object;
    const entry = payload.entry[0]!;
    const change = entry.changes[0]!;
    Object.assign(payload, { added_in_2027: { nested: [1, { deeper: true }] } });
    Object.assign(entry, { region: 'eu' });
    Object.assign(change, { version: 'v99' });
    Object.assign(change.value, { conversation_tags: ['vip'], new_metadata: { a: 1 } });
    Object.assign(change.value.contacts[0]!, { locale: 'ja_JP' });
    Object.assign(change.value.messages[0]!, { client_flags: { fancy: true }, ranking: 3 });
    const body = JSON.stringify(payload);
    const answer = await world.post(body, signWebhookBody(body, APP_SECRET));
    expect(answer.status).toBe(200);
    expect((await world.view('crm', N, taro)).map((m) => m.text)).toEqual(['hello']);
  });
});
