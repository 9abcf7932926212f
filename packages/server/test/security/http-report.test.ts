// GET /v1/admin/report shows an operator what /health does not: reads that left out a stored
// value they could not decode (R36, by kind), and the event streams open and ended by their
// token (R35). And the event stream never skips an id: an event that cannot be serialised is sent
// under its id without the part that failed.
import type { ChannelEvent, ChannelStorage } from '@onenumber/core';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openApiDocument, openSqliteDatabase } from '../../src';
import type { ServerDatabase } from '../../src/db/ServerDatabase';
import { tempDbFile } from '../http/support/tempFiles';
import { adminToken, r35Server, watchStream, type R35Server } from './r35-support';

const servers: R35Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('GET /v1/admin/report', () => {
  it('R36: counts a read that left out a stored event body it could not decode; the admin only', async () => {
    const file = tempDbFile();
    const server = await r35Server({ db: openSqliteDatabase({ file }) });
    servers.push(server);
    const crm = await server.issue('crm');
    await server.say('wamid.fine');
    const before = (await server.call('GET', '/v1/admin/report', adminToken)).body;
    expect(before).toMatchObject({ unreadableReads: { total: expect.any(Number), event: expect.any(Number) } });

    const sql = new Database(file);
    sql
      .prepare(
        `INSERT INTO events (org, service, channel, type, body) VALUES ('acme', 'crm', 'ch', 'messageReceived', ?)`,
      )
      .run('{"type":"messageReceived","message":');
    sql.close();
    const events = await server.call('POST', '/v1/storage/events', crm.token, { org: 'acme', service: 'crm' });
    expect(events.status).toBe(200);
    expect(events.body.at(-1)).toMatchObject({ type: 'messageReceived', omitted: ['body'] });

    const after = (await server.call('GET', '/v1/admin/report', adminToken)).body;
    expect(after.unreadableReads.event).toBeGreaterThan(before.unreadableReads.event);
    expect(after.unreadableReads.total).toBeGreaterThan(before.unreadableReads.total);
    expect(after.streams).toEqual({ open: 0, ended: { revoked: 0, expired: 0, rotated: 0 } });
    expect((await server.call('GET', '/v1/admin/report', crm.token)).status).toBe(403);
    expect(openApiDocument().paths['/v1/admin/report']).toBeDefined();
  });
});

/** A database whose live events include ones JSON.stringify throws on. */
function withUnserialisableEvents(db: ServerDatabase): ServerDatabase {
  const circular: Record<string, unknown> = { text: 'loop' };
  circular.self = circular;
  const live: ChannelEvent[] = [
    { id: '1', type: 'messageReceived', org: 'acme', service: 'crm', message: { text: 'one', raw: null } },
    { id: '2', type: 'messageReceived', org: 'acme', service: 'crm', message: { text: 'two', raw: circular } },
    { id: '3', type: 'membershipChanged', org: 'acme', service: 'crm', count: 10n },
    { id: '4', type: 'messageReceived', org: 'acme', service: 'crm', message: { text: 'four', raw: null } },
  ] as unknown as ChannelEvent[];
  const storage = new Proxy(db.storage, {
    get(target, key, receiver) {
      if (key !== 'subscribe') return Reflect.get(target, key, receiver);
      return ((_query, listener) => {
        const timer = setTimeout(() => {
          for (const event of live) listener(event);
        }, 50);
        return () => clearTimeout(timer);
      }) satisfies ChannelStorage['subscribe'];
    },
  });
  return new Proxy(db, { get: (target, key) => (key === 'storage' ? storage : Reflect.get(target, key)) });
}

describe('R36: the event stream never skips an id', () => {
  it('R36: an event that cannot be serialised is sent under its id without the failing part', async () => {
    const server = await r35Server({ db: withUnserialisableEvents(openSqliteDatabase({ file: tempDbFile() })) });
    servers.push(server);
    const crm = await server.issue('crm');
    const stream = await watchStream(server.url, crm.token);
    await stream.waitFor(4);
    stream.close();
    expect(stream.frames.map((f) => f.id)).toEqual(['1', '2', '3', '4']);
    expect(stream.frames.map((f) => f.data.id)).toEqual(['1', '2', '3', '4']);
    expect(stream.frames[1]!.data).toMatchObject({ message: { text: 'two', raw: null, omitted: ['raw'] } });
    expect(stream.frames[2]!.data).toMatchObject({ type: 'membershipChanged', omitted: ['body'] });
    expect(stream.frames[3]!.data.message.text).toBe('four');
  });
});
