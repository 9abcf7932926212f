// push-fanout's baseline: a hand-written loop doing the essential work of a delivery, the same
// bodies to the same three endpoints with the same concurrency: sign each (Standard Webhooks'
// HMAC-SHA256) and POST it over a keep-alive agent, waiting for the answer. No queue, no order,
// no retries, no database: what push delivery adds costs the difference.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const key = randomBytes(32);

function postOnce(url: URL, id: string, body: string): Promise<void> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        method: 'POST',
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': `v1,${signature}`,
        },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve());
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

/** POSTs every body to its endpoint, `concurrency` at a time per endpoint; answers deliveries per second. */
export async function baselineLoop(targets: { url: string; bodies: string[] }[], concurrency: number): Promise<number> {
  const started = performance.now();
  let total = 0;
  await Promise.all(
    targets.map(async ({ url, bodies }) => {
      const target = new URL(url);
      let next = 0;
      total += bodies.length;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < bodies.length) {
            const i = next++;
            await postOnce(target, `b.${i}`, bodies[i]!);
          }
        }),
      );
    }),
  );
  return total / ((performance.now() - started) / 1000);
}
