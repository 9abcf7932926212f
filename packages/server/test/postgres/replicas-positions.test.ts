// Issue 17, event positions across replicas: 64 concurrent writers spread over three replicas
// (inbound messages to a few customers, so conversations are written by many writers at once)
// while a reader on a random replica reads crm's stream in pages of random size and now and then
// goes back to a random event it was served and resumes there. Every page it is served agrees
// with what it was served before at that place; at the end it has exactly the durable list, each
// event once, every inbound once, and each conversation's messages in their stored order.
import type { ChannelEvent } from '@onenumber/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from './support/cluster';
import { admin, buildServer, killAll, seeded, startReplica, stopReplicas, type Replica } from './support/replicas';

const number = '+81312345679';
const customers = Array.from({ length: 8 }, (_, i) => `+8190123400${String(i + 10)}`);
const writers = 64;
const perWriter = 6;

let pg: TestPostgres;
let schema: string;
let replicas: Replica[] = [];

beforeAll(async () => {
  const [modulePath, started] = await Promise.all([buildServer(), startPostgres()]);
  pg = started;
  schema = pg.schema();
  replicas = [];
  for (const name of ['a', 'b', 'c'])
    replicas.push(await startReplica(modulePath, pg.url, schema, `positions-${name}`));
}, 180_000);

afterAll(async () => {
  killAll();
  await pg?.stop();
}, 60_000);

const page = (url: string, after: string | undefined, limit: number): Promise<ChannelEvent[]> =>
  admin(url, 'POST', '/v1/storage/events', { org: 'acme', service: 'crm', limit, ...(after ? { after } : {}) });

/** crm's durable events after `after`, every page. */
async function durable(url: string, after: string | undefined): Promise<ChannelEvent[]> {
  const out: ChannelEvent[] = [];
  for (;;) {
    const got = await page(url, after, 1000);
    out.push(...got);
    if (got.length < 1000) return out;
    after = got.at(-1)!.id;
  }
}

describe('three replicas on one PostgreSQL: event positions', () => {
  it('3 replicas x 64 concurrent writers, a reader resuming at random points: no gap, no repeat, each conversation in order', async () => {
    const [a] = replicas as [Replica, Replica, Replica];
    await admin(a.url, 'POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      numbers: [{ number, verified: true }],
    });
    for (const service of ['crm', 'desk', 'salesiq'])
      await admin(a.url, 'POST', '/v1/storage/connect', {
        org: 'acme',
        number,
        service,
        mode: 'shared',
        reason: 'bundle',
        at: new Date().toISOString(),
      });
    const start = (await durable(a.url, undefined)).at(-1)?.id;

    const random = seeded(17);
    let sent = 0;
    const writing = Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const replica = replicas[w % replicas.length]!;
        for (let i = 0; i < perWriter; i++) {
          const customer = customers[(w + i) % customers.length]!;
          await admin(replica.url, 'POST', '/v1/storage/receive', {
            number,
            customer,
            providerId: `wamid.positions.${w}.${i}`,
            type: 'text',
            text: `from writer ${w}, ${i}`,
            raw: null,
            at: new Date().toISOString(),
          });
          sent++;
        }
      }),
    );
    let done = false;
    void writing.then(() => (done = true));

    // The reader: `served` is what it was given, in order; `at` is how far into it the cursor is.
    const served: ChannelEvent[] = [];
    let at = served.length;
    let resumes = 0;
    for (let quiet = 0; quiet < 3; ) {
      const cursor = at === 0 ? start : served[at - 1]!.id;
      const replica = replicas[Math.floor(random() * replicas.length)]!;
      const got = await page(replica.url, cursor, 1 + Math.floor(random() * 40));
      for (const event of got) {
        if (at < served.length)
          expect(event).toEqual(served[at]); // the same place serves the same event
        else served.push(event);
        at++;
      }
      if (random() < 0.15 && served.length > 0) {
        at = Math.floor(random() * served.length); // back to a random event it was served
        resumes++;
      }
      if (done && got.length === 0 && at === served.length) quiet++;
    }
    await writing;

    const all = await durable(a.url, start);
    const ids = served.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all.map((e) => e.id));
    expect(served).toEqual(all);

    const inbound = served.filter((e) => e.type === 'messageReceived') as Extract<
      ChannelEvent,
      { type: 'messageReceived' }
    >[];
    expect(inbound.length).toBe(writers * perWriter);
    expect(new Set(inbound.map((e) => e.message.id)).size).toBe(inbound.length);
    // Each message's place in its conversation's stored order (the history's order).
    const stored = await pg.query<{ id: string; pos: number }>(`SELECT id, pos FROM "${schema}".messages`);
    const positions = new Map(stored.map((m) => [m.id, Number(m.pos)]));
    const placeOf = (id: string) => positions.get(id)!;
    const byConversation = new Map<string, number[]>();
    for (const e of inbound) {
      const list = byConversation.get(e.conversation) ?? [];
      list.push(placeOf(e.message.id));
      byConversation.set(e.conversation, list);
    }
    expect(byConversation.size).toBe(customers.length);
    for (const places of byConversation.values()) expect(places).toEqual([...places].sort((x, y) => x - y));
    console.info(`replicas-positions: ${sent} inbound, ${served.length} events served, ${resumes} resumes`);
    expect(await stopReplicas(replicas)).toEqual([0, 0, 0]);
  }, 600_000);
});
