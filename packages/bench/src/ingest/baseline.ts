// The hand-written SQLite baseline for ingest-http: bare node:http (baselineHttp.ts) and
// better-sqlite3 doing the same essential work per delivery: verify the signature over the raw
// bytes, parse and check the shape, normalise the customer id, dedupe on the message id, and store
// the message plus one event row for each of 3 members in one durable transaction (WAL,
// synchronous NORMAL or FULL), then 200.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BaselineMessage, BaselineStore } from './baselineHttp';

export const members = ['crm', 'desk', 'salesiq'];

export function sqliteBaselineStore(dir: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL'): BaselineStore {
  const db = new Database(join(dir, `baseline-${synchronous}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY, provider_id TEXT NOT NULL UNIQUE, customer TEXT NOT NULL, text TEXT, at TEXT NOT NULL);
           CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, service TEXT NOT NULL, message INTEGER NOT NULL, payload TEXT NOT NULL)`);
  const insertMessage = db.prepare(
    'INSERT INTO messages (provider_id, customer, text, at) VALUES (?, ?, ?, ?) ON CONFLICT (provider_id) DO NOTHING',
  );
  const insertEvent = db.prepare('INSERT INTO events (service, message, payload) VALUES (?, ?, ?)');
  const count = db.prepare('SELECT count(*) AS n FROM messages');
  const store = db.transaction((messages: BaselineMessage[]) => {
    for (const m of messages) {
      const customer = `+${m.from}`;
      const result = insertMessage.run(
        m.id,
        customer,
        m.text?.body ?? null,
        new Date(Number(m.timestamp) * 1000).toISOString(),
      );
      if (!result.changes) continue; // a redelivery: stored once
      const payload = JSON.stringify({ type: 'messageReceived', customer, text: m.text?.body ?? null });
      for (const service of members) insertEvent.run(service, result.lastInsertRowid, payload);
    }
  });
  return {
    store: (messages) => store(messages),
    stored: () => (count.get() as { n: number }).n,
    close: () => void db.close(),
  };
}
