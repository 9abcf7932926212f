// The Graph client sends every outbound kind in Meta's documented request shapes (Cloud API
// reference: "Media messages", "Media" > upload, "Reaction messages", "Mark messages as read",
// "Typing indicators"), checked field by field against msw; limits are checked before any call.
import { OneNumberError } from '@onenumber/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient, createManualClock, createSeededRandom, WhatsAppGraphError } from '../src';
import { createGraphMock, graphError } from './support/graphMock';
import { BSUID, N1, PNID, WA1 } from './support/world';

const graph = createGraphMock();
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => graph.server.close());

const client = () =>
  createGraphClient({
    accessToken: 'EAAG-test-token',
    phoneNumberId: (n) => (n === N1 ? PNID : null),
    clock: createManualClock({ auto: true }),
    random: createSeededRandom(3),
    env: {},
  });

async function refusal(promise: Promise<unknown>): Promise<OneNumberError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(OneNumberError.isInstance(error), String(error)).toBe(true);
  return error as OneNumberError;
}

describe('R16: media replies, by link and by uploaded id', () => {
  it('an image by link, with its caption, in context of a message: the documented body, field by field', async () => {
    const result = await client().sendMedia({
      from: N1,
      to: `+${WA1}`,
      kind: 'image',
      media: { link: 'https://cdn.example.com/receipts/42.png' },
      caption: 'Your receipt',
      replyTo: 'wamid.HBgLODE5MDEyMzQ1Njc4FQIAEhggQTQ=',
      bizOpaqueCallbackData: 'cb-1',
    });
    expect(result).toMatchObject({ id: expect.stringMatching(/^wamid\./), waId: WA1, attempts: 1 });
    expect(graph.calls[0]).toMatchObject({
      version: 'v23.0',
      phoneNumberId: PNID,
      authorization: 'Bearer EAAG-test-token',
    });
    expect(graph.calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: WA1,
      context: { message_id: 'wamid.HBgLODE5MDEyMzQ1Njc4FQIAEhggQTQ=' },
      type: 'image',
      image: { link: 'https://cdn.example.com/receipts/42.png', caption: 'Your receipt' },
      biz_opaque_callback_data: 'cb-1',
    });
  });

  it('uploads a file as multipart (messaging_product, type, file) to /{phone-number-id}/media, then sends the document by its id with a filename', async () => {
    const c = client();
    const pdf = new TextEncoder().encode('%PDF-1.7 invoice');
    const { id } = await c.uploadMedia({
      from: N1,
      kind: 'document',
      file: pdf,
      mimeType: 'application/pdf',
      filename: 'invoice-42.pdf',
    });
    expect(id).toBe('1037543291543636');
    const [upload] = graph.uploads;
    expect(upload).toMatchObject({ version: 'v23.0', phoneNumberId: PNID, authorization: 'Bearer EAAG-test-token' });
    expect(upload!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.fields).toEqual({ messaging_product: 'whatsapp', type: 'application/pdf' });
    expect(upload!.file).toMatchObject({ name: 'invoice-42.pdf', type: 'application/pdf' });
    expect(graph.calls).toHaveLength(0); // an upload is no message
    expect(new TextDecoder().decode(upload!.file!.bytes)).toBe('%PDF-1.7 invoice');

    await c.sendMedia({
      from: N1,
      to: WA1,
      kind: 'document',
      media: { id },
      caption: 'Invoice',
      filename: 'invoice-42.pdf',
    });
    expect(graph.calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: WA1,
      type: 'document',
      document: { id: '1037543291543636', caption: 'Invoice', filename: 'invoice-42.pdf' },
    });
  });

  it('video, audio and sticker by id; a business-scoped user id goes in `recipient`', async () => {
    const c = client();
    await c.sendMedia({ from: N1, to: BSUID, kind: 'video', media: { id: '111' }, caption: 'How to' });
    await c.sendMedia({ from: N1, to: WA1, kind: 'audio', media: { id: '222' } });
    await c.sendMedia({ from: N1, to: WA1, kind: 'sticker', media: { link: 'https://cdn.example.com/ok.webp' } });
    expect(graph.calls.map((call) => call.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        recipient: BSUID,
        type: 'video',
        video: { id: '111', caption: 'How to' },
      },
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: WA1, type: 'audio', audio: { id: '222' } },
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: WA1,
        type: 'sticker',
        sticker: { link: 'https://cdn.example.com/ok.webp' },
      },
    ]);
  });

  it("refuses before any call what Meta would refuse: a caption on audio, a filename on an image, both id and link, an upload over its kind's size or of a type it does not take", async () => {
    const c = client();
    const cases: [() => Promise<unknown>, string][] = [
      [() => c.sendMedia({ from: N1, to: WA1, kind: 'audio', media: { id: '1' }, caption: 'hi' }), 'caption'],
      [() => c.sendMedia({ from: N1, to: WA1, kind: 'image', media: { id: '1' }, filename: 'a.png' }), 'filename'],
      [
        () =>
          c.sendMedia({ from: N1, to: WA1, kind: 'image', media: { id: '1', link: 'https://x.test/a.png' } as never }),
        'media',
      ],
      [() => c.sendMedia({ from: N1, to: WA1, kind: 'image', media: { link: 'ftp://x.test/a.png' } }), 'media.link'],
      [
        () => c.sendMedia({ from: N1, to: WA1, kind: 'image', media: { id: '1' }, caption: 'x'.repeat(1025) }),
        'caption',
      ],
      [
        () =>
          c.uploadMedia({ from: N1, kind: 'image', file: new Uint8Array(5 * 1024 * 1024 + 1), mimeType: 'image/png' }),
        'file',
      ],
      [
        () =>
          c.uploadMedia({ from: N1, kind: 'sticker', file: new Uint8Array(500 * 1024 + 1), mimeType: 'image/webp' }),
        'file',
      ],
      [() => c.uploadMedia({ from: N1, kind: 'image', file: new Uint8Array(10), mimeType: 'image/gif' }), 'mimeType'],
      [() => c.uploadMedia({ from: N1, kind: 'video', file: new Uint8Array(0), mimeType: 'video/mp4' }), 'file'],
    ];
    for (const [send, field] of cases) {
      const error = await refusal(send());
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    expect(graph.calls).toHaveLength(0);
    expect(graph.uploads).toHaveLength(0);
  });

  it('an upload WhatsApp refuses is a typed Graph error; the largest allowed file of each kind goes through', async () => {
    const c = client();
    graph.answerUpload(() => graphError(100)({} as never));
    const error = await refusal(
      c.uploadMedia({ from: N1, kind: 'image', file: new Uint8Array(8), mimeType: 'image/jpeg' }),
    );
    expect(WhatsAppGraphError.isGraphError(error) && error.graphCode).toBe(100);
    const blob = new Blob([new Uint8Array(16 * 1024 * 1024)], { type: 'audio/ogg' });
    expect(await c.uploadMedia({ from: N1, kind: 'audio', file: blob, mimeType: 'audio/ogg; codecs=opus' })).toEqual({
      id: '1037543291543636',
      attempts: 1,
    });
    expect(graph.uploads[1]!.fields.type).toBe('audio/ogg; codecs=opus');
    expect(graph.uploads[1]!.file!.bytes.byteLength).toBe(16 * 1024 * 1024);
  });
});

describe("R30: an agent's reaction", () => {
  it('reacts with an emoji to a message, and an empty emoji removes the reaction', async () => {
    const c = client();
    await c.sendReaction({ from: N1, to: WA1, messageId: 'wamid.in.1', emoji: '👍' });
    await c.sendReaction({ from: N1, to: BSUID, messageId: 'wamid.in.1', emoji: '' });
    expect(graph.calls.map((call) => call.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: WA1,
        type: 'reaction',
        reaction: { message_id: 'wamid.in.1', emoji: '👍' },
      },
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        recipient: BSUID,
        type: 'reaction',
        reaction: { message_id: 'wamid.in.1', emoji: '' },
      },
    ]);
  });

  it('a reaction is one emoji (skin tones, flags and keycaps included), never a word', async () => {
    const c = client();
    for (const emoji of ['👍🏽', '🇯🇵', '1️⃣', '❤️'])
      await c.sendReaction({ from: N1, to: WA1, messageId: 'wamid.in.1', emoji });
    expect(graph.calls).toHaveLength(4);
    for (const emoji of ['ok', '123', '!!', '👍 👍'])
      expect(await refusal(c.sendReaction({ from: N1, to: WA1, messageId: 'wamid.in.1', emoji }))).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'emoji',
      });
  });
});

describe('R39: read receipts and the typing indicator', () => {
  it('marks a message read: {messaging_product, status: "read", message_id}, answered {success: true}', async () => {
    const result = await client().markRead({ from: N1, messageId: 'wamid.in.7' });
    expect(result).toEqual({ success: true, attempts: 1 });
    expect(graph.calls[0]).toMatchObject({ phoneNumberId: PNID });
    expect(graph.calls[0]!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.in.7' });
  });

  it('with typing: adds typing_indicator {type: "text"}', async () => {
    await client().markRead({ from: PNID, messageId: 'wamid.in.8', typing: true });
    expect(graph.calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.in.8',
      typing_indicator: { type: 'text' },
    });
  });

  it('a refused receipt is a typed Graph error (190: UNAUTHORIZED), never retried', async () => {
    graph.answer(graphError(190));
    const error = await refusal(client().markRead({ from: N1, messageId: 'wamid.in.9' }));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', graphCode: 190, kind: 'auth' });
    expect(graph.calls).toHaveLength(1);
  });
});
