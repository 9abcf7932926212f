// The HTTP half every ingest baseline shares: bare node:http, the signature checked over the raw
// bytes (401), the body parsed and its shape checked (400), the messages handed to `store`, and
// 200 only once it resolved (500 if it failed). GET answers {"stored": n} for the bench's check.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { appSecret } from './payload';

export interface BaselineMessage {
  from: string;
  id: string;
  timestamp: string;
  text?: { body?: string };
}

export interface BaselineStore {
  store(messages: BaselineMessage[]): void | Promise<void>;
  stored(): number | Promise<number>;
  close(): void | Promise<void>;
}

const secret = Buffer.from(appSecret);

function messagesOf(raw: Buffer): BaselineMessage[] | null {
  let body: { entry?: { changes?: { value?: { messages?: unknown[] } }[] }[] };
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const messages = (body.entry ?? []).flatMap((e) => (e.changes ?? []).flatMap((c) => c.value?.messages ?? []));
  const valid = messages.every((m) => {
    const x = m as Partial<BaselineMessage> | null;
    return (
      typeof x === 'object' &&
      x !== null &&
      typeof x.id === 'string' &&
      typeof x.from === 'string' &&
      /^[0-9]{6,15}$/.test(x.from) &&
      typeof x.timestamp === 'string'
    );
  });
  return valid ? (messages as BaselineMessage[]) : null;
}

export async function serveBaseline(store: BaselineStore) {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      return void Promise.resolve(store.stored()).then((stored) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stored })),
      );
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const given = Buffer.from(String(req.headers['x-hub-signature-256'] ?? ''));
      const want = Buffer.from(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return void res.writeHead(401).end();
      const messages = messagesOf(raw);
      if (!messages) return void res.writeHead(400).end();
      Promise.resolve()
        .then(() => store.store(messages))
        .then(
          () => res.writeHead(200).end(),
          () => res.writeHead(500).end(),
        );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    close: () =>
      new Promise<void>((r) =>
        server.close(() => {
          void Promise.resolve(store.close()).then(() => r());
        }),
      ),
  };
}
