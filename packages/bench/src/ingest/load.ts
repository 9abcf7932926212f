// The load generator: a closed loop where `concurrency` keep-alive connections each POST the next
// delivery as soon as the previous one was answered (throughput), and an open loop offering
// deliveries at a fixed rate whatever the answers (answer-time percentiles, ack-p99). Requests
// are serialised before timing (rawHttp.ts). Given several targets (replicas of one server), the
// connections are spread over them in turn, as a load balancer would.
import { performance } from 'node:perf_hooks';
import { connections, requestBytes, type Connection } from './rawHttp';
import type { Delivery } from './payload';

export interface LoadOutcome {
  msgsPerSecond: number;
  /** Deliveries not answered 200 (or whose connection failed). */
  failed: number;
}

async function open(targets: string[], count: number) {
  const urls = targets.map((t) => new URL(t));
  const pools = await Promise.all(urls.map((url, i) => connections(url, Math.ceil((count - i) / urls.length))));
  const all: Connection[] = [];
  for (let i = 0; i < count; i++) all.push(pools[i % urls.length]![Math.floor(i / urls.length)]!);
  return { all, bytes: (d: Delivery) => requestBytes(urls[0]!, d) };
}

export async function closedLoop(
  target: string | string[],
  batch: Delivery[],
  concurrency: number,
): Promise<LoadOutcome> {
  const { all, bytes } = await open([target].flat(), concurrency);
  const requests = batch.map(bytes);
  let next = 0;
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    all.map(async (connection) => {
      while (next < requests.length) {
        const status = await connection.send(requests[next++]!).catch(() => 0);
        if (status !== 200) failed++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  for (const c of all) c.close();
  return { msgsPerSecond: batch.reduce((n, d) => n + d.messages, 0) / seconds, failed };
}

/**
 * Offers deliveries at `rate` per second regardless of answers, each on a free connection (a new
 * one is opened when all are busy, as a webhook sender does); returns each answer time in ms,
 * measured from when the delivery was due, so a stalled server cannot hide its queue.
 */
export async function openLoop(
  target: string,
  batch: Delivery[],
  rate: number,
): Promise<{ times: number[]; failed: number }> {
  const url = new URL(target);
  const { all, bytes } = await open([target], 32);
  const idle = [...all];
  const requests = batch.map(bytes);
  const times: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (const [i, request] of requests.entries()) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const used = idle.pop() ?? (await connections(url, 1))[0]!;
    if (!all.includes(used)) all.push(used);
    pending.push(
      used.send(request).then(
        (status) => {
          times.push(performance.now() - due);
          if (status !== 200) failed++;
          idle.push(used);
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(pending);
  for (const c of all) c.close();
  return { times, failed };
}
