// The simulator and its Graph API handler take every outbound kind in Meta's request shapes (Cloud
// API reference: "Media messages", "Media" > upload, "Reaction messages", "Typing indicators"):
// the real Graph client talks to the handler (its fetch is the handler), so tests and the
// playground send media, reactions and read receipts with no Meta account, and see them recorded.
import { describe, expect, it } from 'vitest';
import {
  createGraphApiHandler,
  createGraphClient,
  createManualClock,
  createSimulator,
  WhatsAppGraphError,
  type WebhookPayloadInput,
} from '../src';
import { N1, PNID, SECRET } from './support/world';

const token = 'simulated-graph-token';

async function world() {
  const clock = createManualClock({ start: '2025-06-01T10:00:00.000Z' });
  const sim = createSimulator({ appSecret: SECRET, numbers: { [N1]: PNID }, clock });
  const deliveries: WebhookPayloadInput[] = [];
  sim.connect(async (request) => {
    deliveries.push((await request.json()) as WebhookPayloadInput);
    return new Response(null, { status: 200 });
  });
  const handler = createGraphApiHandler(sim, { accessToken: token });
  const client = createGraphClient({
    accessToken: token,
    phoneNumberId: PNID,
    fetch: (url, init) => handler(new Request(url, init)),
    maxAttempts: 1,
    env: {},
  });
  const taro = sim.customer('+819012345678', { name: 'Taro' });
  const inbound = await taro.send('Can you send the manual?', { to: N1 }); // opens the 24-hour window
  const statuses = () =>
    deliveries.flatMap((d) =>
      d.entry.flatMap((e) =>
        e.changes.flatMap((c) =>
          ((c.value as { statuses?: { id: string; status: string }[] }).statuses ?? []).map((s) => [s.id, s.status]),
        ),
      ),
    );
  return { clock, sim, client, taro, inbound, statuses };
}

async function graphRefusal(promise: Promise<unknown>): Promise<WhatsAppGraphError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(WhatsAppGraphError.isGraphError(error), String(error)).toBe(true);
  return error as WhatsAppGraphError;
}

describe('simulator: outbound media, reactions and read receipts (R16, R30, R39)', () => {
  it('an upload (multipart) is stored under a media id; the image sent by that id reaches the phone with its caption, and the file can be downloaded', async () => {
    const { sim, client, taro } = await world();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { id } = await client.uploadMedia({
      from: N1,
      kind: 'image',
      file: png,
      mimeType: 'image/png',
      filename: 'm.png',
    });
    expect(id).toMatch(/^[0-9]+$/);
    expect(sim.uploads()).toEqual([{ id, kind: 'image', mimeType: 'image/png', filename: 'm.png', size: 7 }]);

    const sent = await client.sendMedia({ from: N1, to: taro.id, kind: 'image', media: { id }, caption: 'Page 3' });
    const [message] = taro.inbox();
    expect(message).toMatchObject({
      id: sent.id,
      type: 'image',
      text: null,
      media: { id, link: null, caption: 'Page 3', filename: null },
      reaction: null,
    });
    const file = await sim.downloadMedia({ mediaId: id, kind: 'image' });
    expect(file.contentType).toBe('image/png');
    expect(new Uint8Array(await new Response(file.body).arrayBuffer())).toEqual(png);
  });

  it('a document by link keeps its filename, and a reply in context names the message it answers', async () => {
    const { client, taro, inbound } = await world();
    await client.sendMedia({
      from: N1,
      to: taro.id,
      kind: 'document',
      media: { link: 'https://cdn.example.com/manual.pdf' },
      filename: 'manual.pdf',
      replyTo: inbound.id,
    });
    expect(taro.inbox()[0]).toMatchObject({
      type: 'document',
      media: { id: null, link: 'https://cdn.example.com/manual.pdf', caption: null, filename: 'manual.pdf' },
      replyTo: inbound.id,
    });
  });

  it('a reaction is recorded (and removed with an empty emoji); it gets only a `sent` status, as Meta documents', async () => {
    const { sim, client, taro, inbound, statuses } = await world();
    const text = await client.sendText({ from: N1, to: taro.id, body: 'Here it is.' });
    const liked = await client.sendReaction({ from: N1, to: taro.id, messageId: inbound.id, emoji: '👍' });
    await client.sendReaction({ from: N1, to: taro.id, messageId: inbound.id, emoji: '' });
    expect(taro.inbox().map((m) => [m.type, m.reaction])).toEqual([
      ['text', null],
      ['reaction', { messageId: inbound.id, emoji: '👍' }],
      ['reaction', { messageId: inbound.id, emoji: '' }],
    ]);
    await sim.settle();
    await taro.read();
    expect(statuses().filter(([id]) => id === liked.id)).toEqual([[liked.id, 'sent']]);
    expect(statuses().filter(([id]) => id === text.id)).toEqual([
      [text.id, 'sent'],
      [text.id, 'delivered'],
      [text.id, 'read'],
    ]);
  });

  it("a read receipt, with and without the typing indicator, is recorded against the customer's message", async () => {
    const { clock, sim, client, taro, inbound } = await world();
    expect(await client.markRead({ from: N1, messageId: inbound.id })).toEqual({ success: true, attempts: 1 });
    clock.advance(2000);
    await client.markRead({ from: N1, messageId: inbound.id, typing: true });
    expect(taro.receipts()).toEqual([
      { messageId: inbound.id, customer: taro.id, typing: false, at: '2025-06-01T10:00:00.000Z' },
      { messageId: inbound.id, customer: taro.id, typing: true, at: '2025-06-01T10:00:02.000Z' },
    ]);
    await client.markRead({ from: N1, messageId: 'wamid.from-elsewhere' });
    expect(sim.readReceipts().at(-1)).toMatchObject({ messageId: 'wamid.from-elsewhere', customer: null });
  });

  it('outside the 24-hour window media and reactions are refused with 131047, like text; an unknown type with 131051', async () => {
    const { clock, client, taro, inbound } = await world();
    clock.advance(24 * 3_600_000);
    const media = client.sendMedia({ from: N1, to: taro.id, kind: 'image', media: { link: 'https://x.test/a.png' } });
    expect(await graphRefusal(media)).toMatchObject({ graphCode: 131047, code: 'WINDOW_CLOSED' });
    const reaction = client.sendReaction({ from: N1, to: taro.id, messageId: inbound.id, emoji: '👍' });
    expect(await graphRefusal(reaction)).toMatchObject({ graphCode: 131047 });
    expect(taro.inbox()).toEqual([]);

    const handler = createGraphApiHandler(createSimulator({ appSecret: SECRET }), { accessToken: token });
    const answer = await handler(
      new Request(`https://graph.facebook.com/v23.0/${PNID}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to: '819012345678', type: 'location', location: {} }),
      }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 131051, type: 'OAuthException' } });
  });

  it('failNext refuses the next receipt or send with a real error body (190 answered 401)', async () => {
    const { sim, client, inbound } = await world();
    sim.failNext(190);
    expect(await graphRefusal(client.markRead({ from: N1, messageId: inbound.id }))).toMatchObject({
      graphCode: 190,
      httpStatus: 401,
      kind: 'auth',
    });
    sim.failNext(131031);
    const locked = await graphRefusal(client.sendText({ from: N1, to: '+819012345678', body: 'hello' }));
    expect(locked).toMatchObject({ graphCode: 131031, kind: 'account', accountRefusal: true });
  });
});
