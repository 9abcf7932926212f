// R5, R6, R8, R11, R15 across OS processes: three child processes share one database file and
// race on the same fresh number, round after round. Seeded, so a failing round can be replayed.
import Database from 'better-sqlite3';
import type { ChannelEvent } from '@onenumber/core';
import type { ConnectOutcome, InboundOutcome } from '@onenumber/core/storage-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/db';
import { migrationSteps } from '../../src/db/sqlite/sql';
import { buildDb } from './support/buildDb';
import { at, customer, org } from './support/seed';
import { tempDir } from './support/tempDir';
import { startWorkers } from './support/workers';

const files = tempDir('multiprocess');
afterAll(() => files.remove());
let modulePath: string;
beforeAll(async () => {
  modulePath = await buildDb();
}, 120_000);

const seed = 20260101;
const rounds = 200;

/** mulberry32: a small seeded generator. */
function seeded(value: number) {
  let a = value >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function freshNumbers(random: () => number, count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(`+8131${String(1000000 + Math.floor(random() * 8999999))}`);
  return [...out];
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const connectRecord = (orgId: string, number: string, service: string) => ({
  org: orgId,
  number,
  service,
  mode: 'shared',
  reason: 'bundle',
  at: at(),
});

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 25));
}

describe('several processes on one file', () => {
  it(`R6, R11, R15: 3 processes x ${rounds} rounds connect one fresh number at once (one shared channel, one parent) and receive one provider id (one message)`, async () => {
    const file = files.file();
    const workers = await startWorkers(modulePath, file, 3); // all three open (and migrate) the new file at once
    const observer = openSqliteDatabase({ file, pollMs: 20 });
    const live: ChannelEvent[] = [];
    const stop = observer.storage.subscribe({ org, service: 'crm' }, (e) => live.push(e));
    const random = seeded(seed);
    const numbers = freshNumbers(random, rounds);
    try {
      for (let round = 0; round < rounds; round++) {
        const number = numbers[round]!;
        const services = shuffle(['crm', 'desk', 'salesiq'], random);
        const connected = await Promise.all(
          workers.map((w, i) => w.call<ConnectOutcome>('connect', connectRecord(org, number, services[i]!))),
        );
        const where = `seed ${seed}, round ${round}, ${number}`;
        expect(
          connected.map((c) => c.code ?? 'ok'),
          where,
        ).toEqual(['ok', 'ok', 'ok']);
        expect(new Set(connected.map((c) => c.result!.channel)).size, where).toBe(1);
        expect(
          connected.filter((c) => c.result!.role === 'parent'),
          where,
        ).toHaveLength(1);
        const info = (await observer.storage.channelInfo({ org, number }))!;
        expect(
          info.members.filter((m) => m.role === 'parent'),
          where,
        ).toHaveLength(1);
        const seqs = await Promise.all(
          services.map(
            async (service) =>
              [service, (await observer.storage.findMembership({ org, number, service }))!.seq] as const,
          ),
        );
        const earliest = [...seqs].sort((a, b) => a[1] - b[1])[0]![0];
        expect(info.parent, where).toBe(earliest);

        const providerId = `wamid.round.${round}`;
        const inbound = { number, customer, providerId, type: 'text', text: `round ${round}`, raw: null, at: at(1) };
        const received = await Promise.all(workers.map((w) => w.call<InboundOutcome>('receive', inbound)));
        expect(received.map((r) => r.result!.duplicate).sort(), where).toEqual([false, true, true]);
        const conversation = (await observer.storage.conversation({ org, channel: info.channel, customer }))!;
        expect(
          await observer.storage.view({ org, channel: info.channel, conversation: conversation.id, service: 'desk' }),
          where,
        ).toHaveLength(1);
      }

      const raw = new Database(file, { readonly: true });
      const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
      expect(count(`SELECT COUNT(*) AS n FROM channels WHERE scope = ''`)).toBe(rounds);
      expect(
        count(
          `SELECT COUNT(*) AS n FROM (SELECT number FROM channels GROUP BY org, number, scope HAVING COUNT(*) > 1)`,
        ),
      ).toBe(0);
      expect(count(`SELECT COUNT(*) AS n FROM channels WHERE parent IS NULL`)).toBe(0);
      expect(count(`SELECT COUNT(*) AS n FROM memberships`)).toBe(rounds * 3);
      expect(count(`SELECT COUNT(*) AS n FROM messages`)).toBe(rounds);
      expect(count(`SELECT COUNT(*) AS n FROM schema_migrations`)).toBe(migrationSteps.length);
      raw.close();

      // Events the workers wrote reached this process's subscriber by polling: all, in order, once.
      const stored = await observer.storage.events({ org, service: 'crm' });
      await until(() => live.length >= stored.length);
      expect(live.map((e) => e.id)).toEqual(stored.map((e) => e.id));
      expect(live.filter((e) => e.type === 'messageReceived')).toHaveLength(rounds);
    } finally {
      stop();
      await observer.close();
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 600_000);

  it('R5: 3 processes in 3 orgs race for one fresh number x 50: exactly one org gets it, always', async () => {
    const file = files.file();
    const workers = await startWorkers(modulePath, file, 3);
    const random = seeded(seed + 1);
    try {
      for (const [round, number] of freshNumbers(random, 50).entries()) {
        const orgs = shuffle(['acme', 'globex', 'initech'], random);
        const results = await Promise.all(
          workers.map((w, i) => w.call<ConnectOutcome>('connect', connectRecord(orgs[i]!, number, 'desk'))),
        );
        const where = `seed ${seed + 1}, round ${round}, ${number}`;
        expect(results.map((r) => r.code ?? 'ok').sort(), where).toEqual([
          'NUMBER_IN_USE_BY_ANOTHER_ORG',
          'NUMBER_IN_USE_BY_ANOTHER_ORG',
          'ok',
        ]);
      }
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 300_000);

  it('R8, R11: 3 processes disable, enable and reconnect the same memberships at once: one membership each, a parent while anyone is active', async () => {
    const file = files.file();
    const workers = await startWorkers(modulePath, file, 3);
    const observer = openSqliteDatabase({ file });
    const random = seeded(seed + 2);
    const [number] = freshNumbers(random, 1);
    const services = ['crm', 'desk', 'salesiq'];
    try {
      for (const service of services) await workers[0]!.call('connect', connectRecord(org, number!, service));
      for (let round = 0; round < 60; round++) {
        const calls = workers.map((w) => {
          const service = services[Math.floor(random() * 3)]!;
          const action = (['disable', 'enable', 'connect'] as const)[Math.floor(random() * 3)]!;
          return action === 'connect'
            ? w.call('connect', connectRecord(org, number!, service))
            : w.call('changeMembership', { org, number, service, action, at: at() });
        });
        const replies = await Promise.all(calls);
        const where = `seed ${seed + 2}, round ${round}`;
        expect(
          replies.filter((r) => !r.ok && r.code !== 'MEMBERSHIP_DISABLED'),
          where,
        ).toEqual([]);
        const info = (await observer.storage.channelInfo({ org, number: number! }))!;
        const states = await Promise.all(
          services.map((service) => observer.storage.findMembership({ org, number: number!, service })),
        );
        const active = states.filter((s) => s?.state === 'active');
        expect(info.members, where).toHaveLength(active.length);
        if (active.length) {
          expect(
            info.members.filter((m) => m.role === 'parent'),
            where,
          ).toHaveLength(1);
        } else {
          expect(info.status, where).toBe('closed');
        }
      }
    } finally {
      await observer.close();
      await Promise.all(workers.map((w) => w.close()));
    }
  }, 300_000);

  it('a killed process loses nothing it committed (WAL, synchronous NORMAL)', async () => {
    const file = files.file();
    const [worker] = await startWorkers(modulePath, file, 1);
    const number = '+81312345678';
    await worker!.call('connect', connectRecord(org, number, 'crm'));
    const received = await worker!.call<InboundOutcome>('receive', {
      number,
      customer,
      providerId: 'wamid.before-kill',
      type: 'text',
      text: 'committed',
      raw: null,
      at: at(1),
    });
    expect(received.ok).toBe(true);
    const exited = new Promise((r) => worker!.child.once('exit', r));
    worker!.child.kill('SIGKILL');
    await exited;
    const db = openSqliteDatabase({ file });
    const info = (await db.storage.channelInfo({ org, number }))!;
    const conversation = (await db.storage.conversation({ org, channel: info.channel, customer }))!;
    const history = await db.storage.view({
      org,
      channel: info.channel,
      conversation: conversation.id,
      service: 'crm',
    });
    expect(history.map((m) => m.text)).toEqual(['committed']);
    expect(
      (
        await db.storage.receive({
          number,
          customer,
          providerId: 'wamid.before-kill',
          type: 'text',
          text: 'again',
          raw: null,
          at: at(2),
        })
      ).duplicate,
    ).toBe(true);
    await db.close();
  }, 120_000);
});
