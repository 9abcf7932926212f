// R32 through the real server: WhatsApp reports a reply failed with an error quoting the reply's
// text (a signed status delivery routed by our callback data). The sending service reads the
// error whole; every other service reads the code and core's fixed title for it, in its view,
// its events and its live stream, and never the text.
import { errorTitleOf } from '@onenumber/core';
import Database from 'better-sqlite3';
import { encodeCallbackData, statusPayload } from '@onenumber/whatsapp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { openStream } from '../http/support/sse';
import { tempDbFile } from '../http/support/tempFiles';
import { N, agents, line, whatsappWorld, type WhatsAppWorld } from '../whatsapp/support/world';
import { customerSays, taro } from './support';

let world: WhatsAppWorld;
let file: string;
beforeEach(async () => {
  file = tempDbFile();
  world = await whatsappWorld({}, { db: openSqliteDatabase({ file }) });
}, 30_000);
afterEach(async () => world.close());

const secret = 'canary-r32-masked-reply-text';

/** crm replies `secret`; WhatsApp then reports it failed with `recorded` (a signed status routed by callback data). */
async function failedReply(recorded: { code: number; title: string }) {
  await customerSays(world, 'wamid.r32.q', 'question');
  const { message } = await world.sdk.crm.reply({
    org: 'acme',
    service: 'crm',
    agent: agents.crm,
    number: N,
    customer: taro,
    text: secret,
  });
  const delivery = statusPayload(
    line(N),
    { phone: taro },
    {
      id: 'wamid.r32.reply',
      status: 'failed',
      at: Date.now(),
      bizOpaqueCallbackData: encodeCallbackData({ org: 'acme', service: 'crm', message }),
      errors: [recorded],
    },
  );
  return { message, deliver: async () => expect((await world.deliver(delivery)).status).toBe(200) };
}

describe('R32: a failed send through the server', () => {
  it("R32: the provider's text reaches the sender only; others read the fixed title (view, events, stream)", async () => {
    const recorded = { code: 131026, title: `Message "${secret}" could not be delivered` };
    const { deliver } = await failedReply(recorded);
    const cursors = Object.fromEntries(
      await Promise.all((['crm', 'desk'] as const).map(async (s) => [s, (await world.events(s)).at(-1)!.id])),
    );
    const streams = {
      crm: await openStream(`${world.server.url}/v1/events`, world.tokens.crm, { 'last-event-id': cursors.crm }),
      desk: await openStream(`${world.server.url}/v1/events`, world.tokens.desk, { 'last-event-id': cursors.desk }),
    };
    await deliver();
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

  it('R32: a statusChanged row stored before R32 with the provider text is read as the fixed title by others', async () => {
    const recorded = { code: 131047, title: `Re-engagement: "${secret}"` };
    const { message, deliver } = await failedReply(recorded);
    await deliver();
    // Plant the old shape: every recipient's row holding the provider's text.
    const sql = new Database(file);
    const rows = sql.prepare(`SELECT id, body FROM events WHERE type = 'statusChanged'`).all() as {
      id: number;
      body: string;
    }[];
    const setBody = sql.prepare('UPDATE events SET body = ? WHERE id = ?');
    for (const row of rows) setBody.run(JSON.stringify({ ...JSON.parse(row.body), error: recorded }), row.id);
    sql.close();
    const fixed = { code: 131047, title: errorTitleOf(131047) };
    const statusOf = async (service: 'crm' | 'desk' | 'salesiq') =>
      (await world.events(service)).filter((e) => e.type === 'statusChanged');
    expect(await statusOf('crm')).toMatchObject([{ message, error: recorded }]);
    for (const service of ['desk', 'salesiq'] as const) {
      expect(await statusOf(service)).toMatchObject([{ message, error: fixed }]);
      expect(JSON.stringify(await world.events(service))).not.toContain(secret);
    }
    const stream = await openStream(`${world.server.url}/v1/events`, world.tokens.desk, { 'last-event-id': '0' });
    try {
      const all = await world.events('desk');
      const frames = await stream.waitFor(all.length);
      expect(frames.find((f) => f.data.type === 'statusChanged')?.data).toMatchObject({ error: fixed });
      expect(JSON.stringify(frames)).not.toContain(secret);
    } finally {
      stream.close();
    }
  });
});
