// R36, second line: a record written around the API's edge (planted here with SQL in the
// server's SQLite file) never makes a read fail. `view` answers 2xx for every service with the
// unreadable raw object left out (raw null, omitted ['raw']); `events` and the live stream answer
// every id, none skipped, an unreadable body in part (omitted ['body']); each such read is counted.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { unreadableReads } from '../../src/db/common/unreadable';
import { openStream } from '../http/support/sse';
import { tempDbFile } from '../http/support/tempFiles';
import { N, whatsappWorld, type WhatsAppWorld } from '../whatsapp/support/world';
import { customerSays, deepJson, taro } from './support';

let world: WhatsAppWorld;
let file: string;
beforeEach(async () => {
  file = tempDbFile();
  world = await whatsappWorld({}, { db: openSqliteDatabase({ file }) });
}, 30_000);
afterEach(async () => world.close());

const services = ['crm', 'desk', 'salesiq'] as const;
const eventsOf = async (service: (typeof services)[number]) => {
  const answer = await world.server.call('POST', '/v1/storage/events', world.tokens[service], {
    org: 'acme',
    service,
    limit: 1000,
  });
  expect(answer.status).toBe(200);
  return answer.body as {
    id: string;
    type: string;
    message?: { text?: string; raw?: unknown; omitted?: string[] };
    omitted?: string[];
  }[];
};

/** Plants, with SQL: the poison message's raw 4,100 and 100,000 deep (both dialect-legal text), its event bodies too, and one event body that is not JSON. */
function plant(poisonWamid: string) {
  const sql = new Database(file);
  try {
    const rows = sql.prepare('SELECT id FROM messages WHERE provider_id = ?').all(poisonWamid) as { id: string }[];
    expect(rows.length).toBeGreaterThan(0);
    const setRaw = sql.prepare('UPDATE messages SET raw = ? WHERE id = ?');
    for (const [i, row] of rows.entries()) setRaw.run(deepJson(i === 0 ? 4_100 : 100_000), row.id);
    const byMessage = sql.prepare(`SELECT id, body FROM events WHERE type = 'messageReceived' AND body LIKE ?`);
    const events = rows.flatMap((row) => byMessage.all(`%"id":"${row.id}"%`) as { id: number; body: string }[]);
    expect(events.length).toBe(services.length + 1); // crm, desk, salesiq on the shared channel; books isolated
    const setBody = sql.prepare('UPDATE events SET body = ? WHERE id = ?');
    for (const event of events) {
      const body = JSON.parse(event.body);
      body.message.raw = '__DEEP__';
      setBody.run(JSON.stringify(body).replace('"__DEEP__"', deepJson(100_000)), event.id);
    }
    const desk = sql
      .prepare(`SELECT max(id) AS id FROM events WHERE service = 'desk' AND type = 'messageReceived'`)
      .get() as { id: number };
    setBody.run('{"type":"messageReceived","message":', desk.id);
    return desk.id;
  } finally {
    sql.close();
  }
}

describe('R36: a stored record never makes a read fail', () => {
  it('R36: view, events and the live stream answer 2xx around a poison row, every id present, counted', async () => {
    await customerSays(world, 'wamid.before', 'before');
    await customerSays(world, 'wamid.poison', 'poison-target');
    const idsBefore = Object.fromEntries(
      await Promise.all(services.map(async (s) => [s, (await eventsOf(s)).map((e) => e.id)])),
    );
    const counted = unreadableReads().total;
    const corrupt = String(plant('wamid.poison'));
    await customerSays(world, 'wamid.after', 'after');

    for (const service of services) {
      const messages = await world.view(service, N, taro);
      expect(messages.map((m) => m.text)).toEqual(['before', 'poison-target', 'after']);
      expect(messages[1]).toMatchObject({ raw: null, omitted: ['raw'] });
      expect(messages[0]!.raw).toMatchObject({ id: 'wamid.before' });

      const events = await eventsOf(service);
      const ids = events.map((e) => e.id);
      expect(ids.slice(0, idsBefore[service].length)).toEqual(idsBefore[service]);
      expect(ids.length).toBe(idsBefore[service].length + 1);
      const poisoned = events.find((e) => e.message?.text === 'poison-target');
      if (service === 'desk') {
        expect(events.find((e) => e.id === corrupt)).toMatchObject({
          type: 'messageReceived',
          service: 'desk',
          omitted: ['body'],
        });
      } else expect(poisoned?.message).toMatchObject({ raw: null, omitted: ['raw'] });
    }

    // The live stream from the start: every stored id, in order, none skipped.
    const all = (await eventsOf('desk')).map((e) => e.id);
    const stream = await openStream(`${world.server.url}/v1/events`, world.tokens.desk, { 'last-event-id': '0' });
    try {
      const frames = await stream.waitFor(all.length, 20_000);
      expect(frames.map((f) => f.id)).toEqual(all);
      expect(frames.find((f) => f.id === corrupt)?.data).toMatchObject({ omitted: ['body'] });
    } finally {
      stream.close();
    }
    expect(unreadableReads().total).toBeGreaterThan(counted);
    expect(unreadableReads()).toMatchObject({ raw: expect.any(Number), event: expect.any(Number) });
  });

  it('R36: a raw column that is not JSON, and an error column that is not JSON, read as left out', async () => {
    await customerSays(world, 'wamid.bad', 'bad-json');
    const sql = new Database(file);
    sql.prepare(`UPDATE messages SET raw = '{not json', error = 'nor this' WHERE provider_id = 'wamid.bad'`).run();
    sql.close();
    for (const service of services) {
      const [message] = await world.view(service, N, taro);
      expect(message).toMatchObject({ text: 'bad-json', raw: null, error: null, omitted: ['raw', 'error'] });
    }
  });
});
