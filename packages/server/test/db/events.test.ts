// Event streams at rest and live: rows are projected per service (R20), written with their change,
// and a subscriber gets events of other connections on the same file by polling, each once.
import Database from 'better-sqlite3';
import type { ChannelEvent } from '@onenumber/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { at, codeOf, customer, org, seedConversation } from './support/seed';
import { tempDir } from './support/tempDir';

const files = tempDir('events');
afterAll(() => files.remove());

/** Resolves when `done` holds for what was collected (the test's own timeout bounds the wait). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 20));
}

const textOf = (e: ChannelEvent) =>
  e.type === 'messageReceived' || e.type === 'messageSent' ? e.message.text : e.type;

describe('events', () => {
  it('R20: a stored row for desk never holds the text or agent of a crm reply', async () => {
    const file = files.file();
    const db = openSqliteDatabase({ file });
    const seeded = await seedConversation(db.storage);
    await seeded.reply('canary-at-rest');
    await db.close();
    const raw = new Database(file, { readonly: true });
    const rows = (service: string) =>
      JSON.stringify(raw.prepare('SELECT body FROM events WHERE service = ?').all(service));
    expect(rows('desk')).not.toContain('canary-at-rest');
    expect(rows('desk')).not.toContain('Agent A');
    expect(rows('crm')).toContain('canary-at-rest');
    raw.close();
  });

  it('R27: a refused write (CONFLICT) leaves no message, event or outbox item behind', async () => {
    const db = openSqliteDatabase({ file: files.file() });
    const seeded = await seedConversation(db.storage);
    const stale = await seeded.conversation();
    await seeded.reply('first');
    const before = await db.storage.events({ org, service: 'crm' });
    const refused = db.storage.appendReply({
      org,
      channel: seeded.channel,
      conversation: stale.id,
      expectedVersion: stale.version,
      service: 'desk',
      agent: 'b',
      agentName: 'B',
      type: 'text',
      text: 'lost race',
      raw: null,
      assign: true,
      at: at(3),
    });
    expect(await codeOf(refused)).toBe('CONFLICT');
    expect(await db.storage.events({ org, service: 'crm' })).toEqual(before);
    const view = await db.storage.view({ org, channel: seeded.channel, conversation: stale.id, service: 'desk' });
    expect(view).toHaveLength(2);
    expect(await db.outbox.claim({ worker: 'w', now: at(9), leaseMs: 1000, limit: 10 })).toHaveLength(1);
    await db.close();
  });

  it('subscribe: events written through another connection to the file arrive by polling, in order, each once', async () => {
    const file = files.file();
    const reader = openSqliteDatabase({ file, pollMs: 20 });
    const writer = openSqliteDatabase({ file });
    const seeded = await seedConversation(writer.storage);
    const got: ChannelEvent[] = [];
    const stop = reader.storage.subscribe({ org, service: 'crm' }, (e) => got.push(e));
    for (let i = 0; i < 5; i++)
      await writer.storage.receive({
        number: seeded.number,
        customer,
        providerId: `wamid.p${i}`,
        type: 'text',
        text: `p${i}`,
        raw: null,
        at: at(3),
      });
    await until(() => got.length >= 5);
    stop();
    expect(got.map(textOf)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    const stored = await reader.storage.events({ org, service: 'crm', after: String(Number(got[0]!.id) - 1) });
    expect(got.map((e) => e.id)).toEqual(stored.map((e) => e.id));
    await reader.close();
    await writer.close();
  });

  it('subscribe with a cursor after a restart: missed events first, then live ones, each once', async () => {
    const file = files.file();
    const first = openSqliteDatabase({ file });
    const seeded = await seedConversation(first.storage);
    const cursor = (await first.storage.events({ org, service: 'desk' })).at(-1)!.id;
    await seeded.reply('canary-missed');
    await first.storage.receive({
      number: seeded.number,
      customer,
      providerId: 'wamid.m2',
      type: 'text',
      text: 'missed-2',
      raw: null,
      at: at(3),
    });
    await first.close();

    const again = openSqliteDatabase({ file });
    const got: ChannelEvent[] = [];
    const stop = again.storage.subscribe({ org, service: 'desk', after: cursor }, (e) => got.push(e));
    await until(() => got.some((e) => textOf(e) === 'missed-2'));
    await again.storage.receive({
      number: seeded.number,
      customer,
      providerId: 'wamid.live',
      type: 'text',
      text: 'live',
      raw: null,
      at: at(4),
    });
    await until(() => got.some((e) => textOf(e) === 'live'));
    stop();
    expect(got.map((e) => `${e.type}:${textOf(e)}`)).toEqual([
      'assignmentChanged:assignmentChanged',
      'messageSent:null',
      'messageReceived:missed-2',
      'messageReceived:live',
    ]);
    expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
    await again.close();
  });

  it('an unsubscribed listener gets nothing more; a failing listener does not stop the others', async () => {
    const db = openSqliteDatabase({ file: files.file() });
    const seeded = await seedConversation(db.storage);
    const gone: ChannelEvent[] = [];
    const stay: ChannelEvent[] = [];
    db.storage.subscribe({ org, service: 'crm' }, () => {
      throw new Error('listener failure');
    });
    const stop = db.storage.subscribe({ org, service: 'crm' }, (e) => gone.push(e));
    db.storage.subscribe({ org, service: 'crm' }, (e) => stay.push(e));
    await db.storage.receive({
      number: seeded.number,
      customer,
      providerId: 'wamid.u1',
      type: 'text',
      text: 'u1',
      raw: null,
      at: at(3),
    });
    await until(() => stay.length === 1 && gone.length === 1);
    stop();
    await db.storage.receive({
      number: seeded.number,
      customer,
      providerId: 'wamid.u2',
      type: 'text',
      text: 'u2',
      raw: null,
      at: at(3),
    });
    await until(() => stay.length === 2);
    expect(gone.map(textOf)).toEqual(['u1']);
    expect(stay.map(textOf)).toEqual(['u1', 'u2']);
    await db.close();
  });

  it('R27: a cursor this database did not give out is INVALID_INPUT', async () => {
    const db = openSqliteDatabase({ file: ':memory:' });
    expect(await codeOf(db.storage.events({ org, service: 'crm', after: 'abc' }))).toBe('INVALID_INPUT');
    expect(() => db.storage.subscribe({ org, service: 'crm', after: '-1' }, () => {})).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    await db.close();
  });
});
