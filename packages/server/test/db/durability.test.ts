// Durability and migrations: a reopened file holds everything; migrations run once per file.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { openConnection } from '../../src/db/sqlite/connection';
import { migrate } from '../../src/db/sqlite/migrate';
import { migrationSteps } from '../../src/db/sqlite/sql';
import { at, codeOf, customer, org, seedConversation } from './support/seed';
import { tempDir } from './support/tempDir';

const files = tempDir('durability');
afterAll(() => files.remove());

const codeOfSync = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'NOT_A_ONENUMBER_ERROR';
  }
};

const migrationRows = (file: string) => {
  const raw = new Database(file, { readonly: true });
  const rows = raw.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
  raw.close();
  return rows;
};

describe('durability', () => {
  it('R12: a reopened file holds the directory, channels, history, events, outbox and tokens', async () => {
    const file = files.file();
    const first = openSqliteDatabase({ file, synchronous: 'FULL' });
    await first.directory.setOrg({ id: org, plan: 'zoho-one', services: { crm: 'bundle' } });
    await first.directory.setAgent({ org, id: 'a', name: 'Agent A', access: ['crm'] });
    await first.directory.setNumber({ number: '+81312345678', verified: true });
    await first.directory.setPhoneNumberId({ number: '+81312345678', phoneNumberId: '1065' });
    const seeded = await seedConversation(first.storage);
    const { message } = await seeded.reply('kept across restarts');
    const token = await first.tokens.issue({ kind: 'service', org, service: 'crm' }, at());
    const eventsBefore = await first.storage.events({ org, service: 'desk' });
    const seqBefore = (await first.storage.findMembership({ org, number: seeded.number, service: 'desk' }))!.seq;
    await first.close();
    expect(await codeOf(first.storage.channelInfo({ org, number: seeded.number }))).toBe('STORAGE_UNAVAILABLE');

    const again = openSqliteDatabase({ file });
    expect(await again.directory.org(org)).toMatchObject({ plan: 'zoho-one' });
    expect(await again.directory.agent(org, 'a')).toMatchObject({ name: 'Agent A' });
    expect(await again.directory.number('+81312345678')).toEqual({ number: '+81312345678', verified: true });
    expect(await again.directory.numberByPhoneNumberId('1065')).toBe('+81312345678');
    expect(await again.tokens.verify(token.token)).toEqual({ kind: 'service', org, service: 'crm' });
    expect((await again.storage.channelInfo({ org, number: seeded.number }))?.members).toEqual([
      { service: 'crm', role: 'parent' },
      { service: 'desk', role: 'child' },
    ]);
    const conversation = (await again.storage.conversation({ org, channel: seeded.channel, customer }))!;
    const decided = async (service: string, agent: string) =>
      (await again.storage.decide({ org, channel: seeded.channel, customer, service, agent }))!.assignee;
    expect([await decided('crm', 'a'), await decided('desk', 'b')]).toEqual(['a', null]);
    const history = await again.storage.view({
      org,
      channel: seeded.channel,
      conversation: conversation.id,
      service: 'crm',
    });
    expect(history.map((m) => m.text)).toEqual(['hello', 'kept across restarts']);
    expect(await again.storage.events({ org, service: 'desk' })).toEqual(eventsBefore);
    expect((await again.outbox.claim({ worker: 'w', now: at(5), leaseMs: 1000, limit: 5 })).map((i) => i.id)).toEqual([
      message,
    ]);
    // Sequences continue where they were: creation order never repeats (R11).
    await again.storage.connect({
      org,
      number: seeded.number,
      service: 'salesiq',
      mode: 'shared',
      reason: 'bundle',
      at: at(6),
    });
    expect(
      (await again.storage.findMembership({ org, number: seeded.number, service: 'salesiq' }))!.seq,
    ).toBeGreaterThan(seqBefore);
    await again.close();
  });

  it('uses WAL, synchronous NORMAL by default and FULL on request, and a busy timeout', async () => {
    const file = files.file();
    const normal = openConnection({ file, synchronous: 'NORMAL', busyTimeoutMs: 1234, pollMs: 100 });
    expect(normal.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(normal.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(normal.db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(normal.db.pragma('foreign_keys', { simple: true })).toBe(1);
    normal.close();
    const full = openConnection({ file, synchronous: 'FULL', busyTimeoutMs: 5000, pollMs: 100 });
    expect(full.db.pragma('synchronous', { simple: true })).toBe(2);
    full.close();
  });

  it('R27: bad options and unusable files are typed refusals', () => {
    expect(codeOfSync(() => openSqliteDatabase({ file: '' }))).toBe('INVALID_INPUT');
    expect(codeOfSync(() => openSqliteDatabase({ file: ':memory:', synchronous: 'OFF' as never }))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOfSync(() => openSqliteDatabase({ file: `${files.dir}/no/such/dir/db.sqlite` }))).toBe(
      'STORAGE_UNAVAILABLE',
    );
  });
});

describe('migrations', () => {
  it('a new file gets every step, recorded; a second open re-runs none', async () => {
    const file = files.file();
    await openSqliteDatabase({ file }).close();
    const recorded = migrationRows(file);
    expect(recorded.map((r) => (r as { version: number }).version)).toEqual(migrationSteps.map((s) => s.version));
    await openSqliteDatabase({ file }).close();
    expect(migrationRows(file)).toEqual(recorded);
    const raw = new Database(file);
    expect(migrate(raw)).toEqual({ applied: [], version: migrationSteps.at(-1)!.version });
    raw.close();
  });

  it('a step added later is applied once, on the next open, keeping the data', async () => {
    const file = files.file();
    const db = openSqliteDatabase({ file });
    await db.directory.setOrg({ id: org, plan: 'crm-plus', services: {} });
    await db.close();
    const later = [
      ...migrationSteps,
      { version: 99, name: 'test step', statements: ['CREATE TABLE test_notes (id INTEGER PRIMARY KEY, note TEXT)'] },
    ];
    const raw = new Database(file);
    expect(migrate(raw, later).applied).toEqual([99]);
    expect(migrate(raw, later).applied).toEqual([]);
    expect(raw.prepare('SELECT plan FROM orgs WHERE id = ?').get(org)).toEqual({ plan: 'crm-plus' });
    raw.close();
  });

  it('a file written by a newer server is refused with STORAGE_MISMATCH, untouched', async () => {
    const file = files.file();
    await openSqliteDatabase({ file }).close();
    const raw = new Database(file);
    raw
      .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', ?)")
      .run(at());
    raw.close();
    expect(codeOfSync(() => openSqliteDatabase({ file }))).toBe('STORAGE_MISMATCH');
    expect(migrationRows(file)).toHaveLength(migrationSteps.length + 1);
  });
});
