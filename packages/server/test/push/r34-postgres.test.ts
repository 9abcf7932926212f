// R34 on PostgreSQL through the real server (embedded PostgreSQL): the queue is filled in each
// event's own transaction there too; a subscription receives exactly its stream, every delivery
// signed (verified with `standardwebhooks`); a receiver down for a while loses nothing and keeps
// each conversation's order; a failing conversation holds back only itself; a dead letter is
// recorded and redeliverable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { startReceiver } from './support/receiver';
import { pushWorld, type PushWorld } from './support/world';

let postgres: TestPostgres;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => postgres?.stop(), 60_000);

const world = async (push = {}): Promise<PushWorld> =>
  pushWorld({
    db: await openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 6 } }),
    push,
  });

describe('R34 push delivery (PostgreSQL)', () => {
  it('R34: exactly the stream, signed; down then up: nothing lost, in order per conversation; a failing conversation holds back only itself', async () => {
    const w = await world();
    const receiver = await startReceiver();
    try {
      const cursor = (await w.stream('desk')).at(-1)?.id;
      const sub = await w.subscribe(w.tokens.desk, receiver.url);
      receiver.secrets = [sub.secret];
      const held = '+819000000601';
      let failing = true;
      receiver.answer = (r) => (failing && r.event?.customer === held ? { status: 500 } : { status: 204 });
      await receiver.down();
      const customers = [held, '+819000000602', '+819000000603'];
      for (let i = 0; i < 6; i++) for (const c of customers) await w.inbound(c, `m${i}`);
      await w.reply('crm', '+819000000602', 'canary-pg-crm');
      await sleep(300);
      await receiver.up();
      const stream = await w.stream('desk', cursor);
      const others = stream.filter((e) => e.customer !== held);
      await receiver.until(() => receiver.delivered().length >= others.length);
      expect(receiver.delivered().some((r) => r.event.customer === held)).toBe(false);
      failing = false;
      await receiver.until(() => receiver.delivered().length >= stream.length);
      const byId = new Map(receiver.delivered().map((r) => [r.event.id, r.event]));
      expect(stream.map((e) => byId.get(e.id))).toEqual(stream);
      expect(receiver.received.every((r) => r.verifiedBy.length === 1)).toBe(true);
      expect(receiver.received.map((r) => r.body).join('\n')).not.toContain('canary-pg');
      for (const c of customers) {
        const ids = receiver
          .delivered()
          .filter((r) => r.event.customer === c)
          .map((r) => Number(r.event.id));
        expect(ids).toEqual([...ids].sort((a, b) => a - b));
        expect(ids.length).toBeGreaterThanOrEqual(6);
      }
    } finally {
      await w.close();
      await receiver.close();
    }
  }, 120_000);

  it('R34: a dead letter is recorded with its last answer, later events flow, and replay after an event id delivers again', async () => {
    const w = await world({ horizonMs: 300, retryBaseMs: 40, retryMaxMs: 80 });
    const receiver = await startReceiver();
    try {
      const cursor = (await w.stream('crm')).at(-1)?.id ?? '0';
      const sub = await w.subscribe(w.tokens.crm, receiver.url, { types: ['messageReceived'] });
      receiver.answer = (r) => (r.event?.message?.text === 'poison' ? { status: 502, body: 'bad gateway' } : {});
      const customer = '+819000000701';
      for (const text of ['poison', 'next-1', 'next-2']) await w.inbound(customer, text);
      await receiver.until(() => receiver.delivered().length === 2, 20_000);
      const dead = await w.call('GET', `/v1/push/subscriptions/${sub.id}/deliveries?state=dead`, w.tokens.crm);
      expect(dead.body).toEqual([expect.objectContaining({ state: 'dead', lastStatus: 502 })]);
      receiver.answer = () => ({});
      const replay = await w.call('POST', `/v1/push/subscriptions/${sub.id}/replay`, w.tokens.crm, { after: cursor });
      expect(replay.body.queued).toBe(3);
      await receiver.until(() => receiver.received.filter((r) => r.status < 300).length === 5);
      const texts = receiver.received.filter((r) => r.status < 300).map((r) => r.event.message.text);
      expect(texts).toEqual(['next-1', 'next-2', 'poison', 'next-1', 'next-2']);
    } finally {
      await w.close();
      await receiver.close();
    }
  }, 120_000);
});
