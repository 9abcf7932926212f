// Records written around the API's edge (R36, second line), with SQL on the server's SQLite file
// while it runs: what a bug, a migration or a hand edit could leave. The reads after them must
// still answer 2xx (the values left out and counted, never a failure).
import Database from 'better-sqlite3';

const deepText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Plants poison rows; returns how many rows it changed. */
export function plantAroundTheEdge(file: string): number {
  const sql = new Database(file, { timeout: 10_000 });
  try {
    let changed = 0;
    const run = (statement: string, ...params: unknown[]) => {
      changed += sql.prepare(statement).run(...params).changes;
    };
    // A message's raw object far deeper than any reader can serialise again, and one not JSON.
    run(
      `UPDATE messages SET raw = ? WHERE rowid IN (SELECT rowid FROM messages ORDER BY rowid LIMIT 1)`,
      deepText(100_000),
    );
    run(
      `UPDATE messages SET raw = '{not json', error = 'nor this' WHERE rowid IN (SELECT rowid FROM messages ORDER BY rowid DESC LIMIT 1)`,
    );
    // Event bodies: one not JSON, one cut short, one far too deep.
    run(`UPDATE events SET body = 'not json' WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 1)`);
    run(
      `UPDATE events SET body = '{"type":"messageReceived","message":' WHERE id IN (SELECT id FROM events ORDER BY id DESC LIMIT 1)`,
    );
    run(
      `UPDATE events SET body = ? WHERE id IN (SELECT id FROM events ORDER BY id LIMIT 1 OFFSET 1)`,
      deepText(50_000),
    );
    // A channel's settings and an admin's policy override (R33) that are not JSON.
    run(`UPDATE channels SET settings = '{"displayName":' WHERE rowid IN (SELECT rowid FROM channels LIMIT 1)`);
    run(
      `INSERT INTO policies (org, service, policy) SELECT org, service, 'null!' FROM memberships LIMIT 1
       ON CONFLICT (org, service) DO UPDATE SET policy = excluded.policy`,
    );
    return changed;
  } finally {
    sql.close();
  }
}
