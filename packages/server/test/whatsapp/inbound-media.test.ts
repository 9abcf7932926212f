// R17, R20, R25, R36 (issue 18): GET /v1/media/{message} through the real server: a service
// token streams the file of an inbound message its service can see (the shared channel's members
// and the isolated one, R15), fetched from the Graph API (msw, Meta's shapes) with the server's
// access token, which never reaches the service, nor WhatsApp's short-lived URL. A message with
// no file, a masked reply (404 exactly like an unknown message), another number, the admin token and a server without a token are
// refused with typed errors.
import { createSimulator, messagePayload } from '@onenumber/whatsapp';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminToken } from '../http/support/server';
import { fixture } from './fixtures/fixtures';
import { N, N2, line, whatsappWorld, type Service, type WhatsAppWorld } from './support/world';

const GRAPH = 'https://graph.facebook.com';
const LOOKASIDE = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/';
const TOKEN = 'server-media-token';
const photo = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
const authorizations: (string | null)[] = [];

const graph = setupServer(
  http.get(`${GRAPH}/:version/:mediaId`, ({ request, params }) => {
    authorizations.push(request.headers.get('authorization'));
    return HttpResponse.json({
      messaging_product: 'whatsapp',
      url: `${LOOKASIDE}?mid=${params.mediaId}&ext=1780000000&hash=ATuSecretHash`,
      mime_type: 'image/jpeg',
      sha256: 'x8pHv2lWpJ1b0dUjS6Yqz7EoN4rFkB3c9WgA5tLmQ0s=',
      file_size: String(photo.byteLength),
      id: String(params.mediaId),
    });
  }),
  http.get(LOOKASIDE, ({ request }) => {
    authorizations.push(request.headers.get('authorization'));
    return new HttpResponse(photo, { headers: { 'content-type': 'image/jpeg' } });
  }),
);
beforeAll(() => graph.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => graph.close());

let world: WhatsAppWorld | undefined;
afterEach(async () => {
  authorizations.length = 0;
  await world?.close();
  world = undefined;
});

const image = fixture('image');
const wamid = image.expect.messages[0]!.id;
const customer = image.expect.messages[0]!.customer;

const media = (token: string, message: string, number = N, who = customer) =>
  fetch(
    `${world!.server.url}/v1/media/${encodeURIComponent(message)}?number=${encodeURIComponent(number)}&customer=${encodeURIComponent(who)}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
const idIn = async (service: Service, wamidOf: string, who = customer) =>
  (await world!.view(service, N, who)).find((m) => (m.raw as { id?: string } | null)?.id === wamidOf)!.id;

describe('R20: an inbound file, streamed to a service that can see it', () => {
  it('R20: streams the image to Desk, by message id or wamid, and to the isolated Books channel (R15)', async () => {
    world = await whatsappWorld({ accessToken: TOKEN, pollMs: 50 });
    expect((await world.deliver(image.payload)).status).toBe(200);
    for (const [service, message] of [
      ['desk', await idIn('desk', wamid)],
      ['crm', wamid],
      ['books', await idIn('books', wamid)],
    ] as const) {
      const response = await media(world.tokens[service], message);
      expect(response.status, service).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo);
      const headers = JSON.stringify([...response.headers]);
      expect(headers).not.toMatch(/lookaside|ATuSecretHash|server-media-token/);
    }
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${TOKEN}`]));
  });

  it('R27: typed refusals: no file (404), a masked reply (404), another number (422), unknown (404), admin (403)', async () => {
    world = await whatsappWorld({ accessToken: TOKEN, pollMs: 50 });
    await world.deliver(image.payload);
    await world.deliver(fixture('text').payload);
    const text = await idIn('desk', fixture('text').expect.messages[0]!.id);
    // The window is open (R24): the customer writes now.
    const now = { id: 'wamid.now', at: Date.now(), type: 'text', content: { body: 'Any news?' } };
    await world.deliver(messagePayload(line(N), { phone: customer }, now));
    const { message: reply } = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: 'aiko',
      number: N,
      customer,
      text: 'We will look into it.',
    });
    const refusals = [
      [await media(world.tokens.desk, text), 404, 'NOT_FOUND', 'no-media'],
      [await media(world.tokens.desk, reply), 404, 'UNKNOWN_MESSAGE', undefined], // masked: no hint
      [await media(world.tokens.salesiq, wamid, N2), 422, 'NOT_CONNECTED', undefined],
      [await media(world.tokens.desk, 'wamid.nothing'), 404, 'UNKNOWN_MESSAGE', undefined],
      [await media(adminToken, wamid), 403, 'FORBIDDEN', undefined],
      [await media(world.tokens.desk, wamid, N, '+10000000000'), 404, 'UNKNOWN_CONVERSATION', undefined],
    ] as const;
    for (const [response, status, code, reason] of refusals) {
      const body = (await response.json()) as { error: string; details?: { reason?: string } };
      expect([response.status, body.error, body.details?.reason]).toEqual([status, code, reason]);
    }
    expect(authorizations).toEqual([]);
  });

  it('R20: with the simulator as transport (no Meta account), its files are served the same way', async () => {
    const simulator = createSimulator({ appSecret: 'whatsapp-test-app-secret' });
    simulator.putMedia('1003383421387256', { bytes: photo, mimeType: 'image/jpeg' });
    world = await whatsappWorld({ transport: simulator, pollMs: 50 });
    await world.deliver(image.payload);
    const response = await media(world.tokens.desk, wamid);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo);
  });

  it('R27: a server without an access token answers 501 (off), never a file', async () => {
    world = await whatsappWorld();
    await world.deliver(image.payload);
    const response = await media(world.tokens.desk, wamid);
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ error: 'NOT_SUPPORTED', details: { reason: 'off' } });
  });
});
