// R36, second line, on PostgreSQL: a record written around the API's edge (planted here with
// SQL in the server's schema) never makes a read fail. `view` answers 2xx for every service with
// the unreadable raw object left out; `events` answers every id, none skipped, an unreadable
// body in part (omitted ['body']); each such read is counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import { unreadableReads } from '../../src/db/common/unreadable';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { N, whatsappWorld, type WhatsAppWorld } from '../whatsapp/support/world';
import { customerSays, deepJson, taro } from './support';

let postgres: TestPostgres;
let world: WhatsAppWorld;
let schema: string;
beforeAll(async () => {
  postgres = await startPostgres();
  schema = postgres.schema();
  const db = await openPostgresDatabase({ url: postgres.url, schema, pool: { max: 4 } });
  world = await whatsappWorld({}, { db });
}, 180_000);
afterAll(async () => {
  await world?.close();
  await postgres?.stop();
}, 60_000);

const services = ['crm', 'desk', 'salesiq'] as const;
const eventsOf = async (service: (typeof services)[number]) => {
  const answer = await world.server.call('POST', '/v1/storage/events', world.tokens[service], {
    org: 'acme',
    service,
    limit: 1000,
  });
  expect(answer.status).toBe(200);
  return answer.body as { id: string; type: string; message?: { text?: string; raw?: unknown }; omitted?: string[] }[];
};

describe('R36 on PostgreSQL: a stored record never makes a read fail', () => {
  it('R36: view and events answer 2xx around rows planted with SQL, every id present, counted', async () => {
    await customerSays(world, 'wamid.before', 'before');
    await customerSays(world, 'wamid.poison', 'poison-target');
    const idsBefore = Object.fromEntries(
      await Promise.all(services.map(async (s) => [s, (await eventsOf(s)).map((e) => e.id)])),
    );
    const counted = unreadableReads().total;
    // The raw object 100,000 levels deep and not JSON at all; one event body cut short.
    const table = (name: string) => `"${schema}".${name}`;
    const planted = await postgres.query<{ id: string }>(
      `UPDATE ${table('messages')} SET raw = $1 WHERE provider_id = 'wamid.poison' RETURNING id`,
      [deepJson(100_000)],
    );
    expect(planted.length).toBeGreaterThan(0);
    const [desk] = await postgres.query<{ seq: string }>(
      `SELECT max(seq)::text AS seq FROM ${table('events')} WHERE org = 'acme' AND service = 'desk' AND type = 'messageReceived'`,
    );
    await postgres.query(
      `UPDATE ${table('events')} SET body = '{"type":"messageReceived","message":' WHERE org = 'acme' AND service = 'desk' AND seq = $1`,
      [desk!.seq],
    );
    await customerSays(world, 'wamid.after', 'after');

    for (const service of services) {
      const messages = await world.view(service, N, taro);
      expect(messages.map((m) => m.text)).toEqual(['before', 'poison-target', 'after']);
      expect(messages[1]).toMatchObject({ raw: null, omitted: ['raw'] });
      const ids = (await eventsOf(service)).map((e) => e.id);
      expect(ids.slice(0, idsBefore[service].length)).toEqual(idsBefore[service]);
      expect(ids.length).toBe(idsBefore[service].length + 1);
    }
    const deskEvents = await eventsOf('desk');
    expect(deskEvents.find((e) => e.omitted?.includes('body'))).toMatchObject({ type: 'messageReceived' });
    expect(unreadableReads().total).toBeGreaterThan(counted);
  }, 120_000);
});
