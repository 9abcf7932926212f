// The SQLite outbox's optional claimFair (R16: every service sends through the one number): at
// most `perService` items of each (number, service) per claim, oldest first, and whether an item
// was `reclaimed` (an earlier lease lapsed with nothing recorded).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type ServerDatabase } from '../../src/db';
import { tempDbFile } from '../http/support/tempFiles';

const number = '+81312345678';
const second = '+81312345670';
const customer = '+819012345678';
const at = '2026-01-01T09:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(at) + ms).toISOString();
let db: ServerDatabase;

beforeEach(async () => {
  db = openSqliteDatabase({ file: tempDbFile() });
  for (const n of [number, second]) {
    for (const service of ['crm', 'desk'])
      await db.storage.connect({
        org: 'acme',
        number: n,
        service,
        mode: 'shared',
        reason: 'bundle',
        at,
      });
    await db.storage.receive({
      number: n,
      customer,
      providerId: `wamid.in.${n}`,
      type: 'text',
      text: 'hi',
      raw: null,
      at,
    });
  }
});
afterEach(async () => db.close());

/** Appends `count` replies from `service` on `n`, in order; returns their ids. */
async function replies(n: string, service: string, count: number): Promise<string[]> {
  const { channel } = (await db.storage.channelInfo({ org: 'acme', number: n }))!;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const decision = (await db.storage.decide({ org: 'acme', channel, customer, service, agent: 'a' }))!;
    const { message } = await db.storage.appendReply({
      org: 'acme',
      channel,
      conversation: decision.conversation,
      expectedVersion: decision.version,
      service,
      agent: 'a',
      agentName: 'A',
      type: 'text',
      text: `${service} ${i}`,
      raw: null,
      assign: false,
      at,
    });
    ids.push(message);
  }
  return ids;
}

const claim = (perService: number, limit: number, now = at, leaseMs = 60_000) =>
  db.outbox.claimFair!({ limit, leaseMs, worker: 'w1', now, perService });

describe('claimFair on SQLite', () => {
  it('R16: a flood from crm does not fill the claim: desk and the other number get their turn, oldest first', async () => {
    const crm = await replies(number, 'crm', 30);
    const desk = await replies(number, 'desk', 3);
    const other = await replies(second, 'crm', 2);
    const plain = await db.outbox.claim({ limit: 10, leaseMs: 1, worker: 'w0', now: at });
    expect(plain.map((i) => i.id)).toEqual(crm.slice(0, 10)); // oldest first: the flood only
    const fair = await claim(4, 10, later(10));
    expect(fair.map((i) => i.id)).toEqual([...crm.slice(0, 4), ...desk, ...other]);
    expect(fair.map((i) => [i.service, i.number])).toContainEqual(['desk', number]);
    expect(fair.every((i) => i.text !== null && i.customer === customer && i.org === 'acme')).toBe(true);
  });

  it('an item is reclaimed only when an earlier lease lapsed with nothing recorded', async () => {
    const [a, b, c] = await replies(number, 'crm', 3);
    const first = await claim(10, 10, at, 1000);
    expect(first.map((i) => [i.id, i.attempts, i.reclaimed])).toEqual([
      [a, 1, false],
      [b, 1, false],
      [c, 1, false],
    ]);
    expect(await claim(10, 10, later(500), 1000)).toEqual([]); // still leased
    await db.outbox.complete({ id: a!, providerMessageId: 'wamid.out.a', at: later(600) });
    await db.outbox.fail({
      id: b!,
      error: { code: 130429, title: 'Rate limit hit' },
      retryAt: later(700),
      at: later(600),
    });
    const again = await claim(10, 10, later(2000), 1000);
    expect(again.map((i) => [i.id, i.attempts, i.reclaimed])).toEqual([
      [b, 2, false],
      [c, 2, true],
    ]);
    expect(await db.outbox.findByProviderId('wamid.out.a')).toEqual({ id: a, org: 'acme' });
  });

  it('R27: a bad claim is INVALID_INPUT naming the field', async () => {
    await expect(
      db.outbox.claimFair!({ limit: 10, leaseMs: 1000, worker: 'w1', now: at, perService: 0 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'perService' });
  });
});
