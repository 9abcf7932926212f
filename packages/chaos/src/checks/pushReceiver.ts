// R34 (chaos): a misbehaving webhook receiver on loopback: each request is checked with
// verifyWebhook (the subscription's secret, by path), then answered 500 with probability `fail`,
// or after a slow delay with probability `slow`, else 204. Every request is recorded with its
// event, whether it verified, and what was answered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type ChannelEvent } from '@onenumber/core';

export interface Hit {
  path: string;
  webhookId: string;
  event: ChannelEvent | null;
  body: string;
  verified: boolean;
  status: number;
  at: number;
}

export interface ChaosReceiver {
  base: string;
  hits: Hit[];
  secrets: Map<string, string>;
  close(): Promise<void>;
}

export async function startPushReceiver(behaviour: {
  fail: number;
  slow: number;
  slowMs: [number, number];
  random: () => number;
}): Promise<ChaosReceiver> {
  const hits: Hit[] = [];
  const secrets = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      let event: ChannelEvent | null = null;
      try {
        event = await verifyWebhook({ headers: req.headers, body }, secrets.get(path) ?? 'whsec_AAAA');
      } catch {
        event = null;
      }
      const roll = behaviour.random();
      const status = roll < behaviour.fail ? 500 : 204;
      if (status === 204 && roll < behaviour.fail + behaviour.slow) {
        const [min, max] = behaviour.slowMs;
        await new Promise((r) => setTimeout(r, min + behaviour.random() * (max - min)));
      }
      const webhookId = String(req.headers['webhook-id'] ?? '');
      hits.push({ path, webhookId, event, body, verified: event !== null, status, at: Date.now() });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    secrets,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
