// The hand-written baseline for ingest-http: bare node:http and better-sqlite3 doing the same
// essential work per delivery: verify the signature over the raw bytes, parse and check the
// shape, normalise the customer id, dedupe on the message id, and store the message plus one
// event row for each of 3 members in one durable transaction (WAL, synchronous=NORMAL), then 200.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { appSecret } from './payload';

export async function startBaseline(dir: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL') {
  const db = new Database(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`CREATE TABLE messages (id INTEGER PRIMARY KEY, provider_id TEXT NOT NULL UNIQUE, customer TEXT NOT NULL, text TEXT, at TEXT NOT NULL);
           CREATE TABLE events (id INTEGER PRIMARY KEY, service TEXT NOT NULL, message INTEGER NOT NULL, payload TEXT NOT NULL)`);
  const insertMessage = db.prepare('INSERT INTO messages (provider_id, customer, text, at) VALUES (?, ?, ?, ?) ON CONFLICT (provider_id) DO NOTHING');
  const insertEvent = db.prepare('INSERT INTO events (service, message, payload) VALUES (?, ?, ?)');
  const members = ['crm', 'desk', 'salesiq'];
  const store = db.transaction((messages: { from: string; id: string; text?: { body?: string }; timestamp: string }[]) => {
    for (const m of messages) {
      const customer = `+${m.from}`;
      const result = insertMessage.run(m.id, customer, m.text?.body ?? null, new Date(Number(m.timestamp) * 1000).toISOString());
      if (!result.changes) continue; // a redelivery: stored once
      const payload = JSON.stringify({ type: 'messageReceived', customer, text: m.text?.body ?? null });
      for (const service of members) insertEvent.run(service, result.lastInsertRowid, payload);
    }
  });
  const secret = Buffer.from(appSecret);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
      const want = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return void res.writeHead(401).end();
      let body: { entry?: { changes?: { value?: { messages?: unknown[] } }[] }[] };
      try { body = JSON.parse(raw.toString('utf8')); } catch { return void res.writeHead(400).end(); }
      const messages = (body.entry ?? []).flatMap((e) => (e.changes ?? []).flatMap((c) => c.value?.messages ?? []));
      if (!messages.every((m) => typeof m === 'object' && m && typeof (m as { id?: unknown }).id === 'string' && typeof (m as { from?: unknown }).from === 'string')) {
        return void res.writeHead(400).end();
      }
      store(messages as never);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    stored: () => (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n,
    close: () => new Promise<void>((r) => server.close(() => { db.close(); r(); })),
  };
}
