// R29 cases run on SQLite and PostgreSQL (parked.test.ts, parked-postgres.test.ts): a delivery for a
// number no org owns yet is answered 200 and parked (raw bytes, arrival order), listed for the
// admin, routed in arrival order once its number is registered and connected (before any later
// delivery of that number, deduplicated), expired after its time (counted), and refused with
// 503 once the park holds too many bytes.
import { createOneNumber } from '@onenumber/core';
import { messagePayload } from '@onenumber/whatsapp';
import { afterEach, expect, it } from 'vitest';
import type { ServerDatabase, WhatsAppOptions } from '../../../src';
import { adminToken } from '../../http/support/server';
import { WABA, whatsappWorld, type WhatsAppWorld } from './world';

/** A number the world registers nowhere and nobody connects, and the phone_number_id Meta gives it. */
const N3 = '+81312345671';
const PNID3 = '106540352242999';
const taro = '+819012345678';
const day = 86_400_000;

export function parkedCases(openDb: () => Promise<ServerDatabase>) {
  let world: WhatsAppWorld | undefined;
  let db: ServerDatabase;
  let clock = Date.parse('2026-12-01T00:00:00Z');
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  const start = async (options: WhatsAppOptions = {}) => {
    db = await openDb();
    clock = Date.parse('2026-12-01T00:00:00Z');
    world = await whatsappWorld({ now: () => clock, ...options }, { db });
    return world;
  };
  const text = (id: string, body: string) =>
    JSON.stringify(
      messagePayload(
        { account: WABA, phoneNumberId: PNID3, displayPhoneNumber: N3.slice(1) },
        { phone: taro },
        { id, at: '2026-12-01T09:00:00Z', type: 'text', content: { body } },
      ),
    );
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await world!.server.call(method, path, adminToken, body);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return res.body;
  };
  const register = () => admin('PUT', '/v1/admin/numbers', { number: N3, verified: true, phoneNumberId: PNID3 });
  const connect = () => world!.sdk.crm.connect({ org: 'acme', service: 'crm', number: N3 });
  const parked = () => admin('GET', '/v1/admin/whatsapp/parked');
  const texts = async () =>
    (await world!.events('crm'))
      .filter((e) => e.type === 'messageReceived' && e.number === N3)
      .map((e) => (e as { message: { text: string } }).message.text);

  it('R29: an unregistered phone_number_id is answered 200 and parked; register, then connect: routed in arrival order', async () => {
    await start();
    for (const [i, body] of ['first', 'second', 'third'].entries())
      expect((await world!.post(text(`wamid.park.${i}`, body))).status).toBe(200);
    const listing = await parked();
    expect(listing).toMatchObject({ count: 3, ttlMs: 7 * day });
    expect(listing.deliveries.map((d: { phoneNumberId: string }) => d.phoneNumberId)).toEqual([PNID3, PNID3, PNID3]);
    expect(listing.deliveries[0].expiresAt).toBe(new Date(clock + 7 * day).toISOString());
    expect(JSON.stringify(listing)).not.toContain('first'); // never the bytes
    await register();
    expect((await parked()).count).toBe(3); // registered, still no org owns it
    await connect();
    expect(await texts()).toEqual(['first', 'second', 'third']);
    expect(await parked()).toMatchObject({ count: 0, bytes: 0, deliveries: [] });
    expect((await world!.report()).webhook).toMatchObject({ failed: 0, parked: { parked: 3, routed: 3 } });
  });

  it('R29: a registered number no service connected parks too; a redelivery after routing is stored once (R15)', async () => {
    await start();
    await register();
    const body = text('wamid.reg.1', 'hello?');
    expect((await world!.post(body)).status).toBe(200);
    expect((await world!.post(body)).status).toBe(200); // WhatsApp's redelivery, parked again
    expect((await parked()).count).toBe(2);
    await connect();
    expect(await texts()).toEqual(['hello?']);
    expect((await world!.post(body)).status).toBe(200);
    expect(await texts()).toEqual(['hello?']);
    expect((await world!.report()).webhook.messages).toMatchObject({ received: 1, duplicates: 2 });
  });

  it('R29: connected elsewhere (no release ran): the next delivery waits until the parked ones are routed first', async () => {
    await start();
    await register();
    expect((await world!.post(text('wamid.ord.1', 'parked one'))).status).toBe(200);
    expect((await world!.post(text('wamid.ord.2', 'parked two'))).status).toBe(200);
    // another process connects the number: nothing here hears of it
    await createOneNumber({ storage: db.storage, directory: db.directory }).connect({
      org: 'acme',
      service: 'crm',
      number: N3,
    });
    expect((await world!.post(text('wamid.ord.3', 'live'))).status).toBe(200);
    expect(await texts()).toEqual(['parked one', 'parked two', 'live']);
    expect((await parked()).count).toBe(0);
  });

  it('R29: parked deliveries expire after their time, counted; what is left is routed', async () => {
    await start({ parkedTtlMs: 2 * day });
    expect((await world!.post(text('wamid.exp.1', 'too old'))).status).toBe(200);
    clock += 2 * day + 1;
    expect((await world!.post(text('wamid.exp.2', 'recent'))).status).toBe(200);
    expect((await parked()).deliveries.map((d: { bytes: number }) => d.bytes)).toHaveLength(1);
    await register();
    await connect();
    expect(await texts()).toEqual(['recent']);
    expect((await world!.report()).webhook.parked).toEqual({ parked: 2, routed: 1, expired: 1, full: 0 });
  });

  it('R29: past the total size allowed the webhook answers 503 and parks nothing more; WhatsApp retries later', async () => {
    const first = text('wamid.cap.1', 'fits');
    await start({ parkedMaxBytes: Buffer.byteLength(first) + 100 });
    expect((await world!.post(first)).status).toBe(200);
    const second = text('wamid.cap.2', 'does not fit');
    const full = await world!.post(second);
    expect(full).toMatchObject({ status: 503, body: { error: 'STORAGE_UNAVAILABLE' } });
    expect((await parked()).count).toBe(1);
    await register();
    await connect();
    expect((await world!.post(second)).status).toBe(200); // the retry, now routable
    expect(await texts()).toEqual(['fits', 'does not fit']);
    expect((await world!.report()).webhook.parked).toMatchObject({ parked: 1, routed: 1, full: 1 });
  });

  it('R29, R13: a number whose channels are all closed is not parked: its message is stored in the closed channel', async () => {
    await start();
    await register();
    await connect();
    await world!.sdk.crm.remove({ org: 'acme', service: 'crm', number: N3 });
    expect((await world!.post(text('wamid.closed.1', 'anyone there?'))).status).toBe(200);
    expect((await parked()).count).toBe(0);
    expect((await world!.report()).webhook).toMatchObject({ parked: { parked: 0 }, messages: { received: 1 } });
    await connect(); // the channel reopens with its history (R13)
    expect((await world!.view('crm', N3, taro)).map((m) => m.text)).toEqual(['anyone there?']);
  });

  it('R29: a delivery naming an owned number and an unowned one stores the first now and parks the second', async () => {
    await start();
    const payload = JSON.parse(text('wamid.mix.3', 'for N3'));
    const owned = JSON.parse(
      JSON.stringify(payload)
        .replaceAll(PNID3, '106540352242922')
        .replaceAll('wamid.mix.3', 'wamid.mix.1')
        .replaceAll('for N3', 'for N'),
    );
    payload.entry.unshift(...owned.entry);
    expect((await world!.post(JSON.stringify(payload))).status).toBe(200);
    expect((await world!.view('crm', '+81312345678', taro)).map((m) => m.text)).toEqual(['for N']);
    expect((await parked()).count).toBe(1);
    await register();
    await connect();
    expect(await texts()).toEqual(['for N3']);
  });
}
