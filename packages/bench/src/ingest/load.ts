// A closed-loop load generator: `concurrency` keep-alive connections each POST the next delivery
// as soon as the previous one was answered. Also an open-loop mode at a fixed offered rate, for
// answer-time percentiles (ack-p99).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Delivery } from './payload';

function post(agent: http.Agent, url: URL, delivery: Delivery): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': delivery.body.length, 'x-hub-signature-256': delivery.signature },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(delivery.body);
  });
}

export async function closedLoop(target: string, batch: Delivery[], concurrency: number): Promise<{ msgsPerSecond: number; failed: number }> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let failed = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < batch.length) {
      const status = await post(agent, url, batch[next++]!);
      if (status !== 200) failed++;
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { msgsPerSecond: batch.reduce((n, d) => n + d.messages, 0) / seconds, failed };
}

/** Offers deliveries at `rate` per second regardless of answers; returns each answer time (ms). */
export async function openLoop(target: string, batch: Delivery[], rate: number): Promise<{ times: number[]; failed: number }> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const times: number[] = [];
  let failed = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (const [i, delivery] of batch.entries()) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    pending.push(post(agent, url, delivery).then((status) => {
      times.push(performance.now() - sent);
      if (status !== 200) failed++;
    }, () => { failed++; }));
  }
  await Promise.all(pending);
  agent.destroy();
  return { times, failed };
}
