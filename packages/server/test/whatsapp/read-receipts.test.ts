// R39 through the server (issue 19): markRead by an agent moves its service's read marker and the
// server sends WhatsApp's read receipt once per customer message, from the number's
// phone_number_id, with the typing indicator when asked (Meta's "Mark messages as read" and
// "Typing indicators" request shapes), whichever service reads first. The Graph API is msw.
import { messagePayload } from '@onenumber/whatsapp';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accepted, createGraphMock } from './support/graphMock';
import { N, PNID, agents, line, until, whatsappWorld, type WhatsAppWorld } from './support/world';

const graph = createGraphMock();
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => graph.server.close());
beforeEach(() => {
  graph.reset();
  // Meta answers a read receipt with { success: true }; a message with its wamid.
  graph.otherwise((call) => (call.body.status === 'read' ? HttpResponse.json({ success: true }) : accepted(call)));
});

const taro = '+819012345678';
let world: WhatsAppWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const writes = (id: string, body: string) =>
  world!.deliver(messagePayload(line(N), { phone: taro }, { id, at: Date.now(), type: 'text', content: { body } }));
const markRead = (service: 'crm' | 'desk', typing = false) =>
  world!.sdk[service].markRead({ org: 'acme', service, agent: agents[service], number: N, customer: taro, typing });
const receipts = () => graph.calls.filter((c) => c.body.status === 'read');
const receiptCounters = async () => (await world!.report()).sender.receipts;

describe('R39: read markers and read receipts through the server', () => {
  it('one receipt per customer message, with typing when asked, whichever service reads first; nobody assigned', async () => {
    world = await whatsappWorld({ accessToken: 'graph-token-1', pollMs: 20 });
    await writes('wamid.read.1', 'hello?');
    expect(await markRead('crm', true)).toMatchObject({ ok: true, moved: true, receipt: true });
    await until(() => receipts().length === 1, 'the read receipt');
    expect(receipts()[0]).toMatchObject({
      phoneNumberId: PNID,
      authorization: 'Bearer graph-token-1',
      body: {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: 'wamid.read.1',
        typing_indicator: { type: 'text' },
      },
    });
    expect(await markRead('desk')).toMatchObject({ moved: true, receipt: false }); // its own marker, no second receipt
    expect(await markRead('crm')).toMatchObject({ moved: false, receipt: false });
    await writes('wamid.read.2', 'still there?');
    expect(await markRead('desk')).toMatchObject({ moved: true, receipt: true });
    await until(() => receipts().length === 2, 'the second receipt');
    expect(receipts()[1]!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.read.2' });
    expect(await receiptCounters()).toEqual({ sent: 2, failed: 0 });
    const seen = await world.sdk.crm.view({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
    });
    expect(seen.assignee).toBeNull();
    expect(graph.calls.filter((c) => c.body.status !== 'read')).toEqual([]); // nothing else went to WhatsApp
  }, 60_000);

  it('an agent of another service is refused; a receipt WhatsApp refuses is counted, not retried', async () => {
    world = await whatsappWorld({ accessToken: 'graph-token-1', pollMs: 20 });
    graph.otherwise(() =>
      HttpResponse.json(
        { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'A1' } },
        { status: 400 },
      ),
    );
    await writes('wamid.read.3', 'hi');
    await expect(
      world.sdk.crm.markRead({ org: 'acme', service: 'crm', agent: agents.desk, number: N, customer: taro }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await markRead('crm')).toMatchObject({ receipt: true });
    await until(async () => (await receiptCounters()).failed === 1, 'the counted failure');
    await new Promise((r) => setTimeout(r, 200)); // and no retry
    expect(receipts()).toHaveLength(1);
    expect(await markRead('desk')).toMatchObject({ receipt: false });
  }, 60_000);
});
