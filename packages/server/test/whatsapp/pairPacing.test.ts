// Pacing per customer shared by replicas (issue 19; Meta's Cloud API docs, "Pair rate limits"):
// two replicas' outbox workers on one database (SQLite file, PostgreSQL schema), each claiming its
// share of replies from crm and desk to one customer, send them all, and never more than the pair
// allows: at most `burst` in any interval, `burst + elapsed / interval` in all. The clock is a
// manual one (the workers' and the store's time), the Graph API is msw, every send is stamped with
// that clock. The same replicas pacing alone (no shared store) exceed it: the claim can fail.
import { createGraphClient, createManualClock, createOutboxWorker, createSeededRandom } from '@onenumber/whatsapp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, openSqliteDatabase } from '../../src/db';
import type { ServerDatabase } from '../../src/db/ServerDatabase';
import { tempDbFile } from '../http/support/tempFiles';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { accepted, createGraphMock } from './support/graphMock';
import { N, agents, line, whatsappWorld, type WhatsAppWorld } from './support/world';
import { messagePayload } from '@onenumber/whatsapp';

const graph = createGraphMock();
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => graph.server.close());

let postgres: TestPostgres | undefined;
let world: WhatsAppWorld | undefined;
let replicas: ServerDatabase[] = [];
afterEach(async () => {
  await world?.close();
  await Promise.all(replicas.slice(1).map((db) => db.close()));
  world = undefined;
  replicas = [];
  graph.reset();
});
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

const taro = '+819012345678';
const hanako = '+819011112222';
const pacing = { intervalMs: 6000, burst: 3 };

async function twoReplicas(dialect: 'sqlite' | 'postgres'): Promise<ServerDatabase[]> {
  if (dialect === 'sqlite') {
    const file = tempDbFile();
    return [openSqliteDatabase({ file }), openSqliteDatabase({ file })];
  }
  postgres ??= await startPostgres();
  const schema = postgres.schema();
  return Promise.all(
    [1, 2].map((i) => openPostgresDatabase({ url: postgres!.url, schema, pool: { max: 4 }, replicaId: `pace-${i}` })),
  );
}

/** Queues 6 crm and 4 desk replies to taro, 3 crm replies to hanako, through the server on replica 1 (its sender off). */
async function queueReplies(dbs: ServerDatabase[]) {
  world = await whatsappWorld({}, { db: dbs[0]! });
  for (const [phone, id] of [
    [taro, 'wamid.pace.1'],
    [hanako, 'wamid.pace.2'],
  ] as const)
    await world.deliver(
      messagePayload(line(N), { phone }, { id, at: Date.now(), type: 'text', content: { body: 'hi' } }),
    );
  const reply = (service: 'crm' | 'desk', customer: string, text: string) =>
    world!.sdk[service].reply({ org: 'acme', service, agent: agents[service], number: N, customer, text });
  for (let i = 0; i < 6; i++) await reply('crm', taro, `crm ${i}`);
  // R23: desk takes the conversation in its own service over crm's hold first.
  await world.sdk.desk.assign({
    org: 'acme',
    service: 'desk',
    agent: agents.desk,
    number: N,
    customer: taro,
    confirm: true,
  });
  for (let i = 0; i < 4; i++) await reply('desk', taro, `desk ${i}`);
  for (let i = 0; i < 3; i++) await reply('crm', hanako, `crm hanako ${i}`);
}

/** Runs one worker per replica on a manual clock until all 13 are sent; the sends, stamped with that clock. */
async function sendAll(dbs: ServerDatabase[], shared: boolean) {
  const clock = createManualClock({ start: Date.now() });
  const sends: { to: string; at: number }[] = [];
  graph.otherwise((call) => {
    sends.push({ to: String(call.body.to), at: clock.now() });
    return accepted(call);
  });
  const workers = dbs.map((db, i) =>
    createOutboxWorker({
      outbox: db.outbox,
      client: createGraphClient({ accessToken: 'graph-token', env: {}, clock }),
      resolvePhoneNumberId: (number) => db.directory.phoneNumberIdOf(number),
      clock,
      random: createSeededRandom(7 + i),
      worker: `replica-${i}`,
      lookahead: 3,
      leaseMs: 3_600_000,
      perCustomer: pacing,
      ...(shared ? { pairPacing: db.pairPacing } : {}),
    }),
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 15)); // the stores' answers (no clock moves)
  for (let step = 0; step < 400 && sends.length < 13; step++) {
    await Promise.all(workers.map((w) => w.tick()));
    await settle();
    await Promise.all(workers.map((w) => w.tick())); // at the same time: the grants just answered
    clock.advance(1000);
  }
  return { sends, workers };
}

/** The most sends to `to` in any `windowMs` (half-open), and in all. */
function densest(sends: { to: string; at: number }[], to: string, windowMs: number) {
  const at = sends
    .filter((s) => s.to === to)
    .map((s) => s.at)
    .sort((a, b) => a - b);
  const most = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + windowMs).length));
  return { count: at.length, most, span: at.at(-1)! - at[0]! };
}

for (const dialect of ['sqlite', 'postgres'] as const)
  describe(`pacing per customer shared by two replicas (${dialect})`, () => {
    it('every reply is sent once; to one customer never more than the pair allows, whichever replica sends', async () => {
      replicas = await twoReplicas(dialect);
      await queueReplies(replicas);
      const { sends, workers } = await sendAll(replicas, true);
      expect(sends).toHaveLength(13);
      expect(workers.every((w) => w.counters.sent > 0)).toBe(true); // both replicas sent
      const toTaro = densest(sends, taro.slice(1), pacing.intervalMs);
      expect(toTaro.count).toBe(10);
      expect(toTaro.most).toBeLessThanOrEqual(pacing.burst);
      expect(toTaro.count).toBeLessThanOrEqual(pacing.burst + Math.floor(toTaro.span / pacing.intervalMs));
      // Another customer is not held back by taro's pacing: hanako's three go in one burst.
      expect(densest(sends, hanako.slice(1), pacing.intervalMs)).toMatchObject({ count: 3, most: 3 });
    }, 180_000);

    it('the same replicas pacing alone send to one customer faster than the pair allows', async () => {
      replicas = await twoReplicas(dialect);
      await queueReplies(replicas);
      const { sends } = await sendAll(replicas, false);
      expect(sends).toHaveLength(13);
      expect(densest(sends, taro.slice(1), pacing.intervalMs).most).toBeGreaterThan(pacing.burst);
    }, 180_000);
  });
