// Issue 17: events positioned by transaction id, without counter rows. A cursor given out before
// (a stream counter's number) still names the same place; a transaction that took its id early
// and commits late is waited for by every reader, never skipped (the race a plain sequence loses).
import type { ChannelEvent } from '@onenumber/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, type ServerDatabase } from '../../src/db';
import { migrate } from '../../src/db/postgres/migrate';
import { migrationSteps } from '../../src/db/postgres/sql';
import { at, customer, org, seedConversation } from '../db/support/seed';
import { startPostgres, type TestPostgres } from './support/cluster';
import { until } from './support/replicas';

let postgres: TestPostgres;
const opened: ServerDatabase[] = [];
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  for (const db of opened) await db.close();
  await postgres?.stop();
}, 60_000);

async function client(schema: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: postgres.url, options: `-c search_path=${schema}` });
  await c.connect();
  return c;
}

async function open(schema: string): Promise<ServerDatabase> {
  const db = await openPostgresDatabase({ url: postgres.url, schema, pool: { max: 4 } });
  opened.push(db);
  return db;
}

const ids = (events: readonly ChannelEvent[]) => events.map((e) => e.id);
const crmEvents = (db: ServerDatabase, after?: string) =>
  db.storage.events({ org, service: 'crm', ...(after === undefined ? {} : { after }) });

describe('PostgreSQL event positions', () => {
  it('an event id given out by the counter rows before the upgrade still names its place: reads and subscriptions resume after it', async () => {
    const schema = postgres.schema();
    const before = await client(schema);
    try {
      await migrate(
        before,
        schema,
        migrationSteps.filter((step) => step.version < 20),
      );
      // Three events of crm's stream as the counter rows numbered them.
      await before.query(`INSERT INTO event_streams (org, service, head) VALUES ('acme', 'crm', 3)`);
      for (const seq of [1, 2, 3])
        await before.query(
          `INSERT INTO events (org, service, seq, channel, type, body) VALUES ('acme', 'crm', $1, 'ch_old', 'note', $2)`,
          [seq, JSON.stringify({ type: 'note', n: seq })],
        );
    } finally {
      await before.end();
    }
    const db = await open(schema);
    expect(ids(await crmEvents(db, '1'))).toEqual(['2', '3']);
    await seedConversation(db.storage);
    const after = await crmEvents(db, '3');
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((e) => e.type)).toContain('messageReceived');
    const numbers = after.map((e) => Number(e.id));
    expect(numbers[0]).toBeGreaterThan(3);
    expect([...numbers].sort((x, y) => x - y)).toEqual(numbers);
    expect(ids(await crmEvents(db, '1'))).toEqual(['2', '3', ...ids(after)]);

    const live: ChannelEvent[] = [];
    const stop = db.storage.subscribe({ org, service: 'crm', after: '2' }, (e) => live.push(e));
    try {
      await until(() => live.length === after.length + 1, 'the subscription to catch up from an old cursor', 30_000);
      expect(ids(live)).toEqual(['3', ...ids(after)]);
    } finally {
      stop();
    }
  }, 60_000);

  it('a writer that took its transaction id first and commits last is served before the later ids, by reads and by live subscribers, never skipped', async () => {
    const schema = postgres.schema();
    const db = await open(schema);
    const seeded = await seedConversation(db.storage);
    const start = (await crmEvents(db)).at(-1)!.id;
    const live: ChannelEvent[] = [];
    const stop = db.storage.subscribe({ org, service: 'crm', after: start }, (e) => live.push(e));
    const late = await client(schema);
    try {
      // The late writer: its transaction id (so its positions) taken now, its event written at the end.
      await late.query('BEGIN');
      const { base } = (await late.query<{ base: string }>('SELECT onenumber_event_base()::text AS base')).rows[0]!;

      await db.storage.receive({
        number: seeded.number,
        customer,
        providerId: 'wamid.after-the-late-writer',
        type: 'text',
        text: 'committed first',
        raw: null,
        at: at(3),
      });
      // Committed, but behind a transaction still running: not served yet (a plain sequence would serve it, then skip the late one).
      expect(await crmEvents(db, start)).toEqual([]);

      await late.query(
        `INSERT INTO events (org, service, seq, channel, type, body) VALUES ('acme', 'crm', $1::bigint + 1, $2, 'note', $3)`,
        [base, seeded.channel, JSON.stringify({ type: 'note', late: true })],
      );
      await late.query('COMMIT');
    } finally {
      await late.end();
    }
    const served = await crmEvents(db, start);
    expect(served.map((e) => e.type)).toEqual(['note', 'messageReceived']);
    expect(Number(served[0]!.id)).toBeLessThan(Number(served[1]!.id));
    try {
      await until(() => live.length >= 2, 'the live subscriber to receive both events', 30_000);
      expect(ids(live)).toEqual(ids(served));
    } finally {
      stop();
    }
  }, 60_000);
});
