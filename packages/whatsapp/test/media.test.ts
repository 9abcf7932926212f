// R20, R27, R36 (issue 18): an inbound message's file from the Graph API (msw, with the shapes of
// Meta's Cloud API reference, media): GET /{version}/{media-id} with the token answers a
// short-lived URL, downloaded with the same Authorization header; an expired URL is looked up
// once more; sizes held to Meta's limits per kind; errors typed, never quoting the token or URL.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WhatsAppMediaError, createMediaClient, mediaLimits } from '../src';

const GRAPH = 'https://graph.facebook.com';
const TOKEN = 'media-test-token';
const LOOKASIDE = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/';
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

interface Seen {
  path: string;
  authorization: string | null;
}
const seen: Seen[] = [];
let lookups: Array<(id: string) => Response> = [];
let downloads: Array<() => Response> = [];
const found = (id: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({
    messaging_product: 'whatsapp',
    url: `${LOOKASIDE}?mid=${id}&ext=1780000000&hash=ATu${seen.length}`,
    mime_type: 'image/jpeg',
    sha256: 'x8pHv2lWpJ1b0dUjS6Yqz7EoN4rFkB3c9WgA5tLmQ0s=',
    file_size: String(jpeg.byteLength),
    id,
    ...extra,
  });
const graphError = (status: number, code: number, message: string, subcode?: number) =>
  HttpResponse.json(
    {
      error: {
        message,
        type: code === 190 ? 'OAuthException' : 'GraphMethodException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUvW',
      },
    },
    { status },
  );
const file = () => new HttpResponse(jpeg, { headers: { 'content-type': 'image/jpeg' } });

const server = setupServer(
  http.get(`${GRAPH}/:version/:mediaId`, ({ request, params }) => {
    seen.push({ path: new URL(request.url).pathname, authorization: request.headers.get('authorization') });
    return (lookups.shift() ?? ((id: string) => found(id)))(String(params.mediaId));
  }),
  http.get(LOOKASIDE, ({ request }) => {
    seen.push({ path: new URL(request.url).pathname, authorization: request.headers.get('authorization') });
    return (downloads.shift() ?? file)();
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  lookups = [];
  downloads = [];
});
afterAll(() => server.close());

const client = createMediaClient({ accessToken: TOKEN, apiVersion: 'v23.0' });
const bytes = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as WhatsAppMediaError;
  }
  throw new Error('expected a failure');
};

describe('R20: inbound media through the Graph API, the token kept on the server', () => {
  it('R20: looks the media id up, then downloads the short-lived URL with the same Authorization header', async () => {
    const got = await client.download({ mediaId: '1003383421387256', kind: 'image' });
    expect(await bytes(got.body)).toEqual(jpeg);
    expect(got).toMatchObject({ contentType: 'image/jpeg', size: jpeg.byteLength, sha256: expect.any(String) });
    expect(seen).toEqual([
      { path: '/v23.0/1003383421387256', authorization: `Bearer ${TOKEN}` },
      { path: '/whatsapp_business/attachments/', authorization: `Bearer ${TOKEN}` },
    ]);
  });

  it('R20: an expired URL (404) is looked up once more; refused again, it is `expired`', async () => {
    downloads = [() => new HttpResponse(null, { status: 404 })];
    const got = await client.download({ mediaId: '1', kind: 'image' });
    expect(await bytes(got.body)).toEqual(jpeg);
    expect(seen.filter((s) => s.path.startsWith('/v23.0/'))).toHaveLength(2);

    seen.length = 0;
    downloads = [() => new HttpResponse(null, { status: 401 }), () => new HttpResponse(null, { status: 404 })];
    const error = await failure(client.download({ mediaId: '1', kind: 'image' }));
    expect(error).toBeInstanceOf(WhatsAppMediaError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'expired' });
    expect(seen).toHaveLength(4);
  });

  it('R27: Graph errors are typed: 100 (gone), 190 (token), others (unavailable); never the URL or token', async () => {
    lookups = [
      () =>
        graphError(
          400,
          100,
          "Unsupported get request. Object with ID '1' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
          33,
        ),
      () => graphError(401, 190, 'Error validating access token: Session has expired.', 463),
      () => graphError(500, 131000, 'Something went wrong'),
    ];
    const errors = [
      await failure(client.download({ mediaId: '1', kind: 'image' })),
      await failure(client.download({ mediaId: '1', kind: 'image' })),
      await failure(client.download({ mediaId: '1', kind: 'image' })),
    ];
    expect(errors.map((e) => [e.code, e.reason])).toEqual([
      ['NOT_FOUND', 'gone'],
      ['STORAGE_UNAVAILABLE', 'token'],
      ['STORAGE_UNAVAILABLE', 'unavailable'],
    ]);
    for (const e of errors) expect(JSON.stringify(e.toJSON())).not.toMatch(/lookaside|media-test-token|Session/);
  });

  it('R36: sizes as Meta documents them: over the kind limit by file_size (nothing downloaded) or by the bytes', async () => {
    expect(mediaLimits.image.maxBytes).toBe(5 * 1024 * 1024);
    expect(mediaLimits.sticker.maxBytes).toBe(500 * 1024);
    expect(mediaLimits.video.maxBytes).toBe(16 * 1024 * 1024);
    expect(mediaLimits.document.maxBytes).toBe(100 * 1024 * 1024);
    lookups = [(id) => found(id, { file_size: String(600 * 1024), mime_type: 'image/webp' })];
    expect(await failure(client.download({ mediaId: '2', kind: 'sticker' }))).toMatchObject({
      code: 'NOT_SUPPORTED',
      reason: 'too-large',
    });
    expect(seen).toHaveLength(1);

    // WhatsApp said it was small; the bytes say otherwise: the stream fails past the limit.
    lookups = [(id) => found(id, { file_size: '10', mime_type: 'image/webp' })];
    downloads = [() => new HttpResponse(new Uint8Array(600 * 1024), { headers: { 'content-type': 'image/webp' } })];
    const got = await client.download({ mediaId: '3', kind: 'sticker' });
    expect(await failure(bytes(got.body))).toMatchObject({ reason: 'too-large' });
  });

  it('R20: a content type Meta does not document for the kind is served as application/octet-stream', async () => {
    lookups = [(id) => found(id, { mime_type: 'text/html' })];
    const got = await client.download({ mediaId: '4', kind: 'image' });
    expect(got.contentType).toBe('application/octet-stream');
    await bytes(got.body);
    lookups = [(id) => found(id, { mime_type: 'audio/ogg; codecs=opus' })];
    expect((await client.download({ mediaId: '5', kind: 'voice' })).contentType).toBe('audio/ogg; codecs=opus');
  });

  it('R27: WhatsApp out of reach is `unavailable`', async () => {
    lookups = [() => HttpResponse.error()];
    expect(await failure(client.download({ mediaId: '6', kind: 'image' }))).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      reason: 'unavailable',
    });
  });
});

describe('R20: the simulator plays the media store', () => {
  it('R20: answers a file put under a media id, and a stand-in (application/octet-stream) for any other', async () => {
    const { createSimulator } = await import('../src');
    const sim = createSimulator({ appSecret: 'x' });
    sim.putMedia('42', { bytes: jpeg, mimeType: 'image/jpeg' });
    const put = await sim.downloadMedia({ mediaId: '42', kind: 'image' });
    expect([put.contentType, await bytes(put.body)]).toEqual(['image/jpeg', jpeg]);
    const standIn = await sim.downloadMedia({ mediaId: '43', kind: 'document' });
    expect(standIn.contentType).toBe('application/octet-stream');
    expect(new TextDecoder().decode(await bytes(standIn.body))).toBe('simulated media 43');
    sim.putMedia('44', { bytes: new Uint8Array(600 * 1024), mimeType: 'image/webp' });
    expect(await failure(sim.downloadMedia({ mediaId: '44', kind: 'sticker' }))).toMatchObject({ reason: 'too-large' });
  });
});
