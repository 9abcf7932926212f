// Issue 9 on SQLite: the audit timeline is written with each change (never text), and durable
// cursors survive a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { at, codeOf, org, seedConversation } from './support/seed';
import { tempDir } from './support/tempDir';

const files = tempDir('timeline');
afterAll(() => files.remove());

describe('timeline and durable cursors', () => {
  it('issue 9: a reply the outbox gives up on is a status entry; a refused write adds no entry; text never appears', async () => {
    const db = openSqliteDatabase({ file: files.file() });
    const seeded = await seedConversation(db.storage);
    const stale = await seeded.conversation();
    const { message } = await seeded.reply('canary-timeline-db');
    const before = await db.storage.timeline!({ org, channel: seeded.channel, service: 'crm' });
    const refused = db.storage.setAssignment({
      org,
      channel: seeded.channel,
      conversation: stale.id,
      expectedVersion: stale.version,
      service: 'desk',
      agent: 'b',
      at: at(3),
    });
    expect(await codeOf(refused)).toBe('CONFLICT');
    expect(await db.storage.timeline!({ org, channel: seeded.channel, service: 'crm' })).toEqual(before);
    await db.outbox.claim({ worker: 'w', now: at(3), leaseMs: 1000, limit: 1 });
    await db.outbox.fail({ id: message, error: { code: 131026, title: 'Undeliverable' }, at: at(4) });
    const entries = await db.storage.timeline!({ org, channel: seeded.channel, service: 'crm' });
    expect(entries.at(-1)).toMatchObject({
      what: 'status',
      service: 'crm',
      message,
      status: 'failed',
      why: 'provider-report',
    });
    expect(JSON.stringify(entries)).not.toContain('canary-timeline-db');
    await db.close();
  });

  it('R27: a noted entry is validated: no unknown keys (so no text), a known `what`', async () => {
    const db = openSqliteDatabase({ file: ':memory:' });
    const seeded = await seedConversation(db.storage);
    const entry = {
      channel: seeded.channel,
      at: at(),
      what: 'confirmation-requested',
      service: 'desk',
      agent: 'd',
      from: null,
      to: null,
      message: null,
      status: null,
      why: 'held-in-crm',
    } as const;
    expect(await codeOf(db.storage.note!({ org, entry: { ...entry, text: 'secret' } as never }))).toBe('INVALID_INPUT');
    expect(await codeOf(db.storage.note!({ org, entry: { ...entry, what: 'chatted' } as never }))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(db.storage.note!({ org: 'other', entry }))).toBe('NOT_CONNECTED');
    await db.storage.note!({ org, entry });
    expect(
      (await db.storage.timeline!({ org, channel: seeded.channel, service: 'crm' })).filter(
        (e) => e.what === 'confirmation-requested',
      ),
    ).toHaveLength(1);
    await db.close();
  });

  it('issue 9: the timeline and each durable cursor survive a restart; a cursor never moves back', async () => {
    const file = files.file();
    const first = openSqliteDatabase({ file });
    const seeded = await seedConversation(first.storage);
    await first.storage.changeMembership({ org, number: seeded.number, service: 'crm', action: 'remove', at: at(5) });
    const entries = await first.storage.timeline!({ org, channel: seeded.channel, service: 'crm' });
    const last = (await first.storage.events({ org, service: 'desk' })).at(-1)!.id;
    await first.storage.saveCursor!({ org, service: 'desk', cursor: last });
    await first.close();

    const again = openSqliteDatabase({ file });
    expect(await again.storage.timeline!({ org, channel: seeded.channel, service: 'crm' })).toEqual(entries);
    expect(entries.map((e) => `${e.what}:${e.why}`)).toEqual([
      'joined:connected',
      'elected:created',
      'joined:connected',
      'removed:remove',
      'elected:parent-removed',
    ]);
    expect(await again.storage.loadCursor!({ org, service: 'desk' })).toBe(last);
    await again.storage.saveCursor!({ org, service: 'desk', cursor: '1' });
    expect(await again.storage.loadCursor!({ org, service: 'desk' })).toBe(last);
    expect(await codeOf(again.storage.saveCursor!({ org, service: 'desk', cursor: 'latest' }))).toBe('INVALID_INPUT');
    await again.close();
  });
});
