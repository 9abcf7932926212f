// scale-1m: the per-message cost of a real inbound ingest (dedupe, store, fan out to 3 members,
// durable commit) with 1,000,000 messages stored, against the same with about 1,000 stored, on the
// server's SQLite storage. The million are copies of real stored rows with fresh keys (made inside
// SQLite in one transaction, so filling takes seconds, not the ~8 minutes of 1M API calls); every
// index the ingest touches then holds a million entries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteDatabase } from '@onenumber/server';
import Database from 'better-sqlite3';
import { ratioOf, round, type Progress, type Result, type Sizes } from '../harness';
import { number, services } from './world';

const at = '2026-01-01T00:00:00.000Z';
const customerOf = (i: number) => `+8190${String(30000000 + (i % 1000))}`;

export async function scale(sizes: Sizes, progress: Progress): Promise<Result> {
  const target = sizes.quick ? 20_000 : 1_000_000;
  const samples = sizes.quick ? 300 : 5_000;
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-scale-'));
  const file = join(dir, 'scale.db');
  const db = openSqliteDatabase({ file });
  try {
    for (const service of services)
      await db.storage.connect({
        org: 'acme',
        number,
        service,
        mode: 'shared',
        reason: 'bundle',
        at,
      });
    let id = 0;
    const receive = () =>
      db.storage.receive({
        number,
        customer: customerOf(id),
        providerId: `wamid.scale.${id++}`,
        type: 'text',
        text: `message ${id}: where is my order?`,
        raw: null,
        at,
      });
    for (let i = 0; i < 1000; i++) await receive();
    const costAt = async () => {
      const start = performance.now();
      for (let i = 0; i < samples; i++) await receive();
      return ((performance.now() - start) * 1000) / samples; // µs per message
    };
    progress(`scale-1m: ${samples} ingests with ~1,000 stored`);
    const small = await costAt();
    progress(`scale-1m: copying stored rows up to ${target.toLocaleString('en')} messages`);
    grow(file, target);
    progress(`scale-1m: ${samples} ingests with ${target.toLocaleString('en')} stored`);
    const large = await costAt();
    const ratio = ratioOf(large, small, false);
    return {
      name: 'scale-1m',
      value: round(large, 0),
      unit: 'µs/msg at 1M',
      baseline: round(small, 0),
      ratio,
      goal: 'ratio >= 0.8',
      met: ratio >= 0.8,
      note: `baseline: the same ingest with ~1,000 stored${sizes.quick ? ' (quick: 20k)' : ''}`,
    };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Multiplies the stored inbound messages (and their dedupe keys and events) up to `target`. */
function grow(file: string, target: number): void {
  const sql = new Database(file);
  sql.pragma('busy_timeout = 10000');
  const have = (sql.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'in'").get() as { n: number }).n;
  const copies = Math.ceil((target - have) / have);
  const cols = (table: string) =>
    (sql.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const messageCols = cols('messages');
  const eventCols = cols('events').filter((c) => c !== 'id');
  const rename: Record<string, string> = {
    id: "m.id || '.c' || k.k",
    pos: '-(k.k * 10000000 + m.pos)',
    provider_id: "m.provider_id || '.c' || k.k",
  };
  sql.transaction(() => {
    sql.exec(`CREATE TEMP TABLE k (k INTEGER PRIMARY KEY)`);
    const insertK = sql.prepare('INSERT INTO k (k) VALUES (?)');
    for (let k = 1; k <= copies; k++) insertK.run(k);
    sql.exec(
      `INSERT INTO messages (${messageCols.join(', ')}) SELECT ${messageCols.map((c) => rename[c] ?? `m.${c}`).join(', ')} FROM messages m, k WHERE m.direction = 'in' AND m.pos > 0`,
    );
    sql.exec(
      `INSERT INTO inbound_ids (number, provider_id) SELECT i.number, i.provider_id || '.c' || k.k FROM inbound_ids i, k`,
    );
    sql.exec(
      `INSERT INTO events (${eventCols.join(', ')}) SELECT ${eventCols.map((c) => `e.${c}`).join(', ')} FROM events e, k WHERE e.type = 'messageReceived'`,
    );
  })();
  sql.pragma('wal_checkpoint(TRUNCATE)');
  sql.close();
}
