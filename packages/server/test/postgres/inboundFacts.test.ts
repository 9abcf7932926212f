// Issue 17: an inbound message in one write, planned on facts each process keeps. Two handles on
// one schema stand for two replicas: a change made through one (a membership, a policy) is
// found by the other's write itself, which reads the facts again and plans again, never storing
// rows decided on the old ones. Duplicates stay duplicates on this path (R15).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, type ServerDatabase } from '../../src/db';
import { at, customer, org, seedConversation } from '../db/support/seed';
import { startPostgres, type TestPostgres } from './support/cluster';

let postgres: TestPostgres;
const opened: ServerDatabase[] = [];
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  for (const db of opened) await db.close();
  await postgres?.stop();
}, 60_000);

async function open(schema: string): Promise<ServerDatabase> {
  const db = await openPostgresDatabase({ url: postgres.url, schema, pool: { max: 4 } });
  opened.push(db);
  return db;
}

let sent = 0;
const inbound = (number: string, text: string, providerId = `wamid.facts.${++sent}`) => ({
  number,
  customer,
  providerId,
  type: 'text' as const,
  text,
  raw: null,
  at: at(5, sent % 60),
});

async function factsVersion(schema: string, number: string): Promise<number> {
  const rows = await postgres.query<{ facts: string }>(
    `SELECT facts::text FROM "${schema}".number_owners WHERE number = $1`,
    [number],
  );
  return Number(rows[0]!.facts);
}

describe('PostgreSQL inbound on kept facts', () => {
  it("a membership change made through another replica is found by this replica's next write: the message reaches the members of now", async () => {
    const schema = postgres.schema();
    const [a, b] = [await open(schema), await open(schema)];
    const { number } = await seedConversation(a.storage);
    // A second message: a has its facts and the conversation now.
    const second = await a.storage.receive(inbound(number, 'second'));
    expect(second.deliveries.map((d) => d.services)).toEqual([['crm', 'desk']]);
    // Written by the one-write path: its id was reserved ahead, its place taken in the write.
    const [row] = await postgres.query<{ id: string; pos: number }>(
      `SELECT id, pos FROM "${schema}".messages WHERE text = 'second'`,
    );
    expect(row!.id).toBe(second.deliveries[0]!.message);
    expect(row!.id).not.toBe(`msg_${Number(row!.pos).toString(36)}`);

    const before = await factsVersion(schema, number);
    await b.storage.changeMembership({ org, number, service: 'desk', action: 'disable', at: at(6) });
    expect(await factsVersion(schema, number)).toBeGreaterThan(before);

    const third = await a.storage.receive(inbound(number, 'third'));
    expect(third.deliveries.map((d) => d.services)).toEqual([['crm']]);
    const deskEvents = await a.storage.events({ org, service: 'desk' });
    expect(deskEvents.filter((e) => e.type === 'messageReceived')).toHaveLength(2); // hello and second, not third

    await b.storage.connect({ org, number, service: 'salesiq', mode: 'shared', reason: 'bundle', at: at(7) });
    const fourth = await a.storage.receive(inbound(number, 'fourth'));
    expect(fourth.deliveries.map((d) => d.services)).toEqual([['crm', 'salesiq']]);
  }, 60_000);

  it('a policy override, by whoever writes it, changes the version the writes check; a provider id stored once answers duplicate', async () => {
    const schema = postgres.schema();
    const db = await open(schema);
    const { number } = await seedConversation(db.storage, '+81312345670');
    const before = await factsVersion(schema, number);
    const client = new pg.Client({ connectionString: postgres.url, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO policies (org, service, policy) VALUES ('acme', 'desk', '{"showAgentName":true}')`,
      );
    } finally {
      await client.end();
    }
    expect(await factsVersion(schema, number)).toBeGreaterThan(before);

    const message = inbound(number, 'once', 'wamid.facts.once');
    const first = await db.storage.receive(message);
    expect(first.duplicate).toBe(false);
    expect(first.deliveries.map((d) => d.services)).toEqual([['crm', 'desk']]);
    expect(await db.storage.receive(message)).toEqual({ org, duplicate: true, deliveries: [] });
    const stored = await postgres.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM "${schema}".messages WHERE provider_id = 'wamid.facts.once'`,
    );
    expect(stored[0]!.n).toBe('1');
  }, 60_000);
});
