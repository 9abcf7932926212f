// R15, R27, R36, R37 (issue 18): typed content (core's contentOf: tolerant, unknown fields kept,
// missing optional fields fine, a changed part `unsupported`), and the one webhook handler: its
// counters (answers, other fields by name), and the node fast path (bytes from the request's
// own stream) giving the same answers as the Request body.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentOf } from '@onenumber/core';
import { describe, expect, it } from 'vitest';
import { createWhatsAppWebhook, messagePayload, signWebhookBody, type WebhookBatch } from '../src';
import { LINE, SECRET, VERIFY, WA1, post } from './support/world';

describe('R27: typed content, tolerant', () => {
  it('R27: missing optional fields are fine, unknown fields do not matter', () => {
    expect(contentOf('image', { image: { id: '1' } })).toMatchObject({
      kind: 'image',
      mediaId: '1',
      caption: null,
      mimeType: null,
      summary: '📷 Photo',
    });
    expect(contentOf('document', { document: { id: '2', filename: 'a.pdf', hologram: { x: 1 } } })).toMatchObject({
      kind: 'document',
      filename: 'a.pdf',
      summary: '📄 Document: a.pdf',
    });
    expect(contentOf('location', { location: { latitude: '35.6', longitude: '139.7' } })).toMatchObject({
      kind: 'location',
      latitude: 35.6,
      summary: '📍 Location: 35.6, 139.7',
    });
  });

  it('R27: a part WhatsApp changed gives `unsupported` with the reason, never an error', () => {
    expect(contentOf('reaction', { reaction: 'thumbs up' })).toMatchObject({ kind: 'unsupported' });
    expect(contentOf('location', { location: { name: 'no coordinates' } })).toMatchObject({ kind: 'unsupported' });
    expect(contentOf('text', null)).toMatchObject({ kind: 'text', body: '', summary: '(empty message)' });
  });

  it('R19: a summary is one line of at most 160 characters', () => {
    const { summary } = contentOf('image', { image: { caption: `line one\nline two ${'x'.repeat(300)}` } });
    expect(summary).not.toMatch(/\n/);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.endsWith('…')).toBe(true);
  });
});

const delivery = () =>
  JSON.stringify(
    messagePayload(
      LINE,
      { phone: WA1 },
      { id: `wamid.${Math.random()}`, at: 0, type: 'text', content: { body: 'hi' } },
    ),
  );

describe('R15: one webhook handler, one counters type', () => {
  it('R15: counts its answers, and fields other than messages by name (acknowledged, 200)', async () => {
    const batches: WebhookBatch[] = [];
    const webhook = createWhatsAppWebhook({
      appSecret: SECRET,
      verifyToken: VERIFY,
      ingest: (batch) => void batches.push(batch),
      maxBodyBytes: 2048,
    });
    const echo = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'smb_message_echoes', value: { message_echoes: [] } }] }],
    });
    expect((await webhook(post(delivery()))).status).toBe(200);
    expect((await webhook(post(echo))).status).toBe(200);
    expect((await webhook(post(delivery(), 'sha256=00'))).status).toBe(401);
    expect((await webhook(post(`{"x":"${'a'.repeat(4096)}"}`))).status).toBe(413);
    expect(webhook.counters).toMatchObject({
      accepted: 2,
      unauthorized: 1,
      invalid: 1,
      failed: 0,
      fields: { smb_message_echoes: 1 },
    });
    expect(batches).toHaveLength(2);
  });

  it('R36: under node the bytes come from the request stream (env.nodeRequest), with the same answers', async () => {
    const webhook = createWhatsAppWebhook({ appSecret: SECRET, verifyToken: VERIFY, ingest: () => {} });
    const server = createServer((req: IncomingMessage, res) => {
      // No body on the Request: only the node stream has the bytes.
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: { 'x-hub-signature-256': String(req.headers['x-hub-signature-256'] ?? '') },
      });
      void webhook(request, { nodeRequest: req }).then(async (response) => {
        res.writeHead(response.status);
        res.end(await response.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
    try {
      const body = delivery();
      const send = (signature: string) =>
        fetch(url, { method: 'POST', headers: { 'x-hub-signature-256': signature }, body });
      expect((await send(signWebhookBody(body, SECRET))).status).toBe(200);
      expect((await send('sha256=00')).status).toBe(401);
      expect(webhook.counters).toMatchObject({ accepted: 1, unauthorized: 1, messages: { received: 0 } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
