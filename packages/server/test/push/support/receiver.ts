// R34: a loopback webhook receiver for the push tests. Every request's signature is verified with
// the `standardwebhooks` package itself (the secrets it holds), and recorded; what it answers is
// up to the test (a status, a Retry-After, a delay), and it can go down (stop listening, cut its
// connections) and come back up on the same port.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  webhookId: string;
  timestamp: string;
  signature: string;
  body: string;
  event: any;
  /** Which held secrets verified it (by index); empty: none did. */
  verifiedBy: number[];
  status: number;
  at: number;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

export interface Receiver {
  url: string;
  port: number;
  /** Every request, in arrival order. */
  received: Received[];
  /** The first 2xx answer per webhook-id, in arrival order. */
  delivered(): Received[];
  /** Requests being answered now, and the most at once so far. */
  inFlight: number;
  maxInFlight: number;
  /** The secrets signatures are checked with. */
  secrets: string[];
  /** Decides each answer (default: 204). */
  answer: (r: Received) => Answer;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
  /** Resolves when `check` holds (polled), or rejects after ms. */
  until(check: () => boolean, ms?: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startReceiver(path = '/hook'): Promise<Receiver> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const receiver: Receiver = {
    url: '',
    port: 0,
    received,
    inFlight: 0,
    maxInFlight: 0,
    secrets: [],
    answer: () => ({ status: 204 }),
    delivered() {
      const seen = new Set<string>();
      return received.filter((r) => r.status < 300 && !seen.has(r.webhookId) && seen.add(r.webhookId));
    },
    async down() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    async up() {
      await new Promise<void>((resolve) => server.listen(receiver.port, '127.0.0.1', () => resolve()));
    },
    async close() {
      await receiver.down().catch(() => {});
    },
    async until(check, ms = 30_000) {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error('receiver: condition not met in time');
        await sleep(20);
      }
    },
  };
  const server = http.createServer((req, res) => {
    receiver.inFlight++;
    receiver.maxInFlight = Math.max(receiver.maxInFlight, receiver.inFlight);
    res.once('close', () => receiver.inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      const verifiedBy = receiver.secrets.flatMap((secret, i) => {
        try {
          new Webhook(secret).verify(body, headers);
          return [i];
        } catch {
          return [];
        }
      });
      let event: unknown = null;
      try {
        event = JSON.parse(body);
      } catch {
        // recorded as it came
      }
      const entry: Received = {
        webhookId: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        event,
        verifiedBy,
        status: 0,
        at: Date.now(),
      };
      const answer = req.url === path ? receiver.answer(entry) : { status: 404 };
      if (answer.delayMs) await sleep(answer.delayMs);
      entry.status = answer.status ?? 204;
      received.push(entry);
      res.writeHead(entry.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}${path}`;
  return receiver;
}
