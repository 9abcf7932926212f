// Bodies read from the node request's own stream (startServer; routes/context.ts readBytes): a
// delivery sent in chunks without a Content-Length is verified over exactly its bytes; one over
// 4 MiB is refused with 413 while still streaming (counted as invalid, nothing stored); a /v1
// body over the limit, declared or streamed, is INVALID_INPUT; the server serves on afterwards.
// The same handler without the node request (mounted elsewhere) reads the web stream.
import { messagePayload, signWebhookBody } from '@onenumber/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminToken } from '../http/support/server';
import { APP_SECRET, N, line, whatsappWorld, type WhatsAppWorld } from './support/world';

let world: WhatsAppWorld;
beforeEach(async () => {
  world = await whatsappWorld();
}, 30_000);
afterEach(async () => world.close());

/** A body sent as a stream of `size`-byte chunks: chunked transfer, no Content-Length. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += size)));
    },
  });
}

const post = (path: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string>) =>
  fetch(`${world.server.url}${path}`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('request bodies from the node stream', () => {
  it('a signed delivery in 7-byte chunks, without Content-Length, is verified over its bytes and stored (R15)', async () => {
    const body = JSON.stringify(
      messagePayload(
        line(N),
        { phone: '+819012345678', name: 'Taro' },
        { id: 'wamid.chunked.1', at: Date.now(), type: 'text', content: { body: 'sent in pieces: 日本語' } },
      ),
    );
    const bytes = new TextEncoder().encode(body);
    const answer = await post('/webhooks/whatsapp', chunked(bytes, 7), {
      'content-type': 'application/json',
      'x-hub-signature-256': signWebhookBody(bytes, APP_SECRET),
    });
    expect(answer.status).toBe(200);
    expect((await world.view('crm', N, '+819012345678')).map((m) => m.text)).toEqual(['sent in pieces: 日本語']);
  });

  it('a delivery over 4 MiB is 413 while still streaming, counted as invalid; the server serves on', async () => {
    const huge = new Uint8Array(5 * 1024 * 1024).fill(0x20);
    const answer = await post('/webhooks/whatsapp', chunked(huge, 64 * 1024), {
      'x-hub-signature-256': signWebhookBody(huge, APP_SECRET),
    }).catch(() => null);
    // Node may close the socket before the client finished sending; either way nothing is stored.
    if (answer) {
      expect(answer.status).toBe(413);
      expect(((await answer.json()) as { error: string }).error).toBe('INVALID_INPUT');
    }
    const report = await world.report();
    expect(report.webhook.invalid).toBe(1);
    expect(report.webhook.accepted).toBe(0);
    expect((await fetch(`${world.server.url}/health`)).status).toBe(200);
  });

  it('a /v1 body over the limit is INVALID_INPUT naming the body, declared or streamed', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    const declared = await post('/v1/storage/connect', big, {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
    });
    expect(declared.status).toBe(400);
    expect(await declared.json()).toMatchObject({ error: 'INVALID_INPUT', field: 'body' });
    const streamed = await post('/v1/storage/connect', chunked(new TextEncoder().encode(big), 32 * 1024), {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
    }).catch(() => null);
    if (streamed) expect(streamed.status).toBe(400);
    expect((await fetch(`${world.server.url}/health`)).status).toBe(200);
  });

  it('without the node request (the handler mounted elsewhere), the same delivery is read from the web stream', async () => {
    const body = JSON.stringify(
      messagePayload(
        line(N),
        { phone: '+819012345678' },
        { id: 'wamid.fetch.1', at: Date.now(), type: 'text', content: { body: 'through fetch' } },
      ),
    );
    const answer = await world.server.handler.fetch(
      new Request(`${world.server.url}/webhooks/whatsapp`, {
        method: 'POST',
        body,
        headers: { 'x-hub-signature-256': signWebhookBody(body, APP_SECRET) },
      }),
    );
    expect(answer.status).toBe(200);
    expect((await world.view('crm', N, '+819012345678')).map((m) => m.text)).toContain('through fetch');
  });
});
