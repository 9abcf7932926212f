// R32 through the real server: WhatsApp reports a reply failed with an error quoting the reply's
// text (a signed status delivery routed by our callback data). The sending service reads the
// error whole; every other service reads the code and core's fixed title for it, in its view,
// its events and its live stream, and never the text.
import { errorTitleOf } from '@onenumber/core';
import { encodeCallbackData, statusPayload } from '@onenumber/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStream } from '../http/support/sse';
import { N, agents, line, whatsappWorld, type WhatsAppWorld } from '../whatsapp/support/world';
import { customerSays, taro } from './support';

let world: WhatsAppWorld;
beforeEach(async () => {
  world = await whatsappWorld();
}, 30_000);
afterEach(async () => world.close());

const secret = 'canary-r32-masked-reply-text';

describe('R32: a failed send through the server', () => {
  it("R32: the provider's text reaches the sender only; others read the fixed title (view, events, stream)", async () => {
    await customerSays(world, 'wamid.r32.q', 'question');
    const { message } = await world.sdk.crm.reply({
      org: 'acme',
      service: 'crm',
      agent: agents.crm,
      number: N,
      customer: taro,
      text: secret,
    });
    const cursors = Object.fromEntries(
      await Promise.all((['crm', 'desk'] as const).map(async (s) => [s, (await world.events(s)).at(-1)!.id])),
    );
    const streams = {
      crm: await openStream(`${world.server.url}/v1/events`, world.tokens.crm, { 'last-event-id': cursors.crm }),
      desk: await openStream(`${world.server.url}/v1/events`, world.tokens.desk, { 'last-event-id': cursors.desk }),
    };
    const recorded = { code: 131026, title: `Message "${secret}" could not be delivered` };
    const delivery = statusPayload(
      line(N),
      { phone: taro },
      {
        id: 'wamid.r32.reply',
        status: 'failed',
        at: Date.now(),
        bizOpaqueCallbackData: encodeCallbackData({ org: 'acme', service: 'crm', message }),
        errors: [{ code: recorded.code, title: recorded.title }],
      },
    );
    expect((await world.deliver(delivery)).status).toBe(200);
    const fixed = { code: 131026, title: errorTitleOf(131026) };
    try {
      expect((await world.view('crm', N, taro))[1]).toMatchObject({ status: 'failed', error: recorded });
      for (const service of ['desk', 'salesiq'] as const) {
        const seen = (await world.view(service, N, taro))[1];
        expect(seen).toMatchObject({ status: 'failed', error: fixed, masked: true });
        const events = await world.events(service);
        expect(events.filter((e) => e.type === 'statusChanged')).toMatchObject([{ error: fixed }]);
        expect(JSON.stringify([seen, events])).not.toContain(secret);
      }
      const [crmFrame] = await streams.crm.waitFor(1);
      const [deskFrame] = await streams.desk.waitFor(1);
      expect(crmFrame!.data).toMatchObject({ type: 'statusChanged', error: recorded });
      expect(deskFrame!.data).toMatchObject({ type: 'statusChanged', error: fixed });
      expect(JSON.stringify(deskFrame)).not.toContain(secret);
    } finally {
      streams.crm.close();
      streams.desk.close();
    }
  });
});
