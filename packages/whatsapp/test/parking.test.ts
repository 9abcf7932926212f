// R29 in the webhook itself, on a ParkedStore kept in memory: a delivery for a number nobody
// connected is parked (200) with its bytes, release() replays it in arrival order once the number
// resolves, a delivery of a parked number waits for the parked ones, expiry and the size cap.
// Also: a status whose wamid the lookup refuses for good is counted, never a 500.
import { OneNumberError } from '@onenumber/core';
import { describe, expect, it } from 'vitest';
import { createWhatsAppWebhook, ingestInto, messagePayload, statusPayload, type ParkedStore } from '../src';
import { LINE, SECRET, VERIFY, WA1, connected, post, resolveN1 } from './support/world';

function memoryPark(): ParkedStore & { rows: { seq: number; phoneNumberId: string; body: Uint8Array; at: number }[] } {
  const rows: { seq: number; phoneNumberId: string; body: Uint8Array; at: number }[] = [];
  let seq = 0;
  return {
    rows,
    async park({ phoneNumberId, body, at, maxBytes }) {
      if (rows.reduce((n, r) => n + r.body.byteLength, 0) + body.byteLength > maxBytes) return false;
      rows.push({ seq: ++seq, phoneNumberId, body, at });
      return true;
    },
    phoneNumberIds: async () => [...new Set(rows.map((r) => r.phoneNumberId))],
    oldest: async (id, limit) => rows.filter((r) => r.phoneNumberId === id).slice(0, limit),
    async remove(s) {
      rows.splice(
        rows.findIndex((r) => r.seq === s),
        1,
      );
    },
    async expire(before) {
      const old = rows.filter((r) => r.at < before);
      for (const r of old) rows.splice(rows.indexOf(r), 1);
      return old.length;
    },
  };
}

const text = (id: string, body: string) =>
  JSON.stringify(
    messagePayload(LINE, { phone: WA1 }, { id, at: Date.UTC(2026, 11, 1), type: 'text', content: { body } }),
  );

async function setup(options: { maxBytes?: number } = {}) {
  const one = await connected();
  const store = memoryPark();
  let owned = false;
  let now = Date.UTC(2026, 11, 1);
  const ingest = ingestInto(one, { resolveNumber: (o) => (owned ? resolveN1(o) : null), unroutable: 'park' });
  const webhook = createWhatsAppWebhook({
    appSecret: SECRET,
    verifyToken: VERIFY,
    ingest,
    parking: { store, ttlMs: 1000, now: () => now, ...options },
  });
  const texts = async () =>
    (
      await one.view({ org: 'acme', service: 'crm', agent: 'a', number: resolveN1(LINE)!, customer: `+${WA1}` })
    ).messages.map((m) => m.text);
  return {
    store,
    webhook,
    texts,
    own: () => void (owned = true),
    later: (ms: number) => void (now += ms),
  };
}

describe('R29: the webhook parks what no org owns yet', () => {
  it('R29: parked with its bytes (200); release() replays in arrival order, once the number resolves', async () => {
    const s = await setup();
    expect((await s.webhook(post(text('wamid.P1', 'one')))).status).toBe(200);
    expect((await s.webhook(post(text('wamid.P2', 'two')))).status).toBe(200);
    expect(s.store.rows.map((r) => new TextDecoder().decode(r.body))).toEqual([
      text('wamid.P1', 'one'),
      text('wamid.P2', 'two'),
    ]);
    await s.webhook.release(); // not owned yet: stays parked
    expect(s.store.rows).toHaveLength(2);
    s.own();
    await s.webhook.release();
    expect(await s.texts()).toEqual(['one', 'two']);
    expect(s.webhook.counters.parked).toEqual({ parked: 2, routed: 2, expired: 0, full: 0 });
  });

  it('R29: a delivery of a number with parked deliveries waits until they are stored first', async () => {
    const s = await setup();
    await s.webhook(post(text('wamid.W1', 'parked')));
    s.own(); // owned now, and no release ran
    expect((await s.webhook(post(text('wamid.W2', 'live')))).status).toBe(200);
    expect(await s.texts()).toEqual(['parked', 'live']);
    expect(s.store.rows).toHaveLength(0);
  });

  it('R29: expired after ttlMs (counted); past maxBytes 503, nothing parked', async () => {
    const first = text('wamid.E1', 'old');
    const s = await setup({ maxBytes: Buffer.byteLength(first) + 10 });
    await s.webhook(post(first));
    const full = await s.webhook(post(text('wamid.E2', 'no room')));
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ error: 'STORAGE_UNAVAILABLE' });
    s.later(1001);
    expect((await s.webhook(post(text('wamid.E3', 'fits again')))).status).toBe(200);
    expect(s.webhook.counters.parked).toEqual({ parked: 2, routed: 0, expired: 1, full: 1 });
  });
});

describe('statuses the lookup refuses for good', () => {
  it('R27: a status whose wamid the lookup refuses (INVALID_INPUT) is counted as rejected, the delivery 200', async () => {
    const one = await connected();
    const ingest = ingestInto(one, {
      resolveNumber: resolveN1,
      findByProviderId: async () => {
        throw new OneNumberError('INVALID_INPUT', 'too long', { field: 'providerMessageId' });
      },
    });
    const webhook = createWhatsAppWebhook({ appSecret: SECRET, verifyToken: VERIFY, ingest });
    const body = JSON.stringify(
      statusPayload(LINE, { phone: WA1 }, { id: `wamid.${'x'.repeat(300)}`, status: 'delivered', at: 0 }),
    );
    expect((await webhook(post(body))).status).toBe(200);
    expect(webhook.counters.notes.rejected).toBe(1);
  });
});
