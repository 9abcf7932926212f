// R16, R17, R20 through the real server on SQLite and on PostgreSQL (issue 19): a service's reply
// with media (an image by uploaded media id with a caption, a document by link with its filename)
// is stored and sent with Meta's documented request shapes (Cloud API reference, "Media
// messages"); the sending service gets its file back from GET /v1/media/{message}; every other
// service sees the kind only, and asking for the file is answered exactly like an unknown message.
import { decodeCallbackData, messagePayload } from '@onenumber/whatsapp';
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { GRAPH, createGraphMock } from './support/graphMock';
import { N, agents, line, until, whatsappWorld, type Service, type WhatsAppWorld } from './support/world';

const TOKEN = 'server-media-token';
const LOOKASIDE = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/';
const UPLOADED = '1013859600285441';
const LINK = 'https://files.example.com/acme/invoice-4711.pdf';
const receipt = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 13) % 256));
const taro = '+819012345678';
const fetched: string[] = [];

const graph = createGraphMock();
beforeAll(() => {
  graph.server.listen({ onUnhandledRequest: 'bypass' });
  graph.server.use(
    http.get(`${GRAPH}/:version/:mediaId`, ({ params }) => {
      fetched.push(String(params.mediaId));
      return HttpResponse.json({
        messaging_product: 'whatsapp',
        url: `${LOOKASIDE}?mid=${params.mediaId}&ext=1780000000&hash=ATuSecretHash`,
        mime_type: 'image/jpeg',
        sha256: 'x8pHv2lWpJ1b0dUjS6Yqz7EoN4rFkB3c9WgA5tLmQ0s=',
        file_size: String(receipt.byteLength),
        id: String(params.mediaId),
      });
    }),
    http.get(LOOKASIDE, () => new HttpResponse(receipt, { headers: { 'content-type': 'image/jpeg' } })),
  );
});
afterAll(() => graph.server.close());
beforeEach(() => {
  graph.reset();
  fetched.length = 0;
});

let postgres: TestPostgres | undefined;
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

async function worldOn(dialect: 'sqlite' | 'postgres'): Promise<WhatsAppWorld> {
  const sending = { accessToken: TOKEN, pollMs: 20 };
  if (dialect === 'sqlite') return whatsappWorld(sending);
  postgres ??= await startPostgres();
  const db = await openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 4 } });
  return whatsappWorld(sending, { db });
}

const media = (world: WhatsAppWorld, service: Service, message: string) =>
  fetch(
    `${world.server.url}/v1/media/${encodeURIComponent(message)}?number=${encodeURIComponent(N)}&customer=${encodeURIComponent(taro)}`,
    { headers: { authorization: `Bearer ${world.tokens[service]}` }, redirect: 'manual' },
  );
const answerOf = async (response: Response) => ({ status: response.status, body: await response.json() });

for (const dialect of ['sqlite', 'postgres'] as const)
  describe(`media replies through the server (${dialect})`, () => {
    it('R16: sent as Meta documents; R20: the sender gets its files back, another service sees the kind only and gets 404 like an unknown message', async () => {
      const world = await worldOn(dialect);
      try {
        const hello = { id: `wamid.in.media.${dialect}`, at: Date.now(), type: 'text', content: { body: 'Receipt?' } };
        await world.deliver(messagePayload(line(N), { phone: taro }, hello));
        const crm = { org: 'acme', service: 'crm', agent: agents.crm, number: N, customer: taro } as const;
        const image = await world.sdk.crm.reply({
          ...crm,
          media: { kind: 'image', media: { id: UPLOADED }, caption: 'Your receipt' },
        });
        const doc = await world.sdk.crm.reply({
          ...crm,
          media: { kind: 'document', media: { link: LINK }, caption: 'Invoice 4711', filename: 'invoice-4711.pdf' },
        });
        await until(async () => (await world.report()).sender.counters.sent === 2, 'both media replies sent');

        const bodies = graph.calls.map(({ body }) => {
          const { biz_opaque_callback_data, ...rest } = body;
          return { ...rest, message: decodeCallbackData(String(biz_opaque_callback_data))?.message };
        });
        expect(bodies).toEqual([
          {
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: taro.slice(1),
            type: 'image',
            image: { id: UPLOADED, caption: 'Your receipt' },
            message: image.message,
          },
          {
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: taro.slice(1),
            type: 'document',
            document: { link: LINK, caption: 'Invoice 4711', filename: 'invoice-4711.pdf' },
            message: doc.message,
          },
        ]);

        const own = await media(world, 'crm', image.message);
        expect([own.status, own.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
        expect(new Uint8Array(await own.arrayBuffer())).toEqual(receipt);
        const linked = await media(world, 'crm', doc.message);
        expect([linked.status, linked.headers.get('location')]).toEqual([307, LINK]);
        expect(fetched).toEqual([UPLOADED]);

        const unknown = await answerOf(await media(world, 'desk', 'no-such-message'));
        expect(unknown).toMatchObject({ status: 404, body: { error: 'UNKNOWN_MESSAGE' } });
        for (const service of ['desk', 'salesiq'] as const)
          for (const message of [image.message, doc.message])
            expect(await answerOf(await media(world, service, message)), `${service} ${message}`).toEqual(unknown);
        expect(fetched).toEqual([UPLOADED]); // nothing fetched for them

        const seen = (await world.view('desk', N, taro)).filter((m) => m.direction === 'out');
        expect(seen.map((m) => [m.type, m.masked, m.text, m.raw])).toEqual([
          ['image', true, null, null],
          ['document', true, null, null],
        ]);
        const elsewhere = JSON.stringify([await world.events('desk'), await world.events('salesiq'), seen]);
        for (const hidden of [UPLOADED, LINK, 'Your receipt', 'Invoice 4711', 'invoice-4711'])
          expect(elsewhere).not.toContain(hidden);
        const mine = (await world.view('crm', N, taro)).find((m) => m.id === doc.message)!;
        expect(mine).toMatchObject({ type: 'document', masked: false, text: '📄 Document: invoice-4711.pdf' });
      } finally {
        await world.close();
      }
    }, 180_000);
  });
