// R34: one delivery attempt: a POST to the checked address (never resolved again: the socket goes
// where destination.ts looked), TLS checked against the URL's host name, no redirect followed, an
// overall timeout, and at most a short excerpt of the answer kept for the delivery log.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Destination } from './destination';

export interface Answer {
  /** The HTTP status, or null when none came (refused, reset, timed out). */
  status: number | null;
  retryAfter: string | null;
  /** A failure in words: the transport's, or the status with the answer's first characters. */
  error: string | null;
  ms: number;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 512 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 512 }),
};
const excerptBytes = 300;

/** Every lookup answers the checked address, whatever the name (the agent's cache key keeps the name). */
const pinned =
  (d: Destination): LookupFunction =>
  (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: object[]) => void)(null, [{ address: d.address, family: d.family }]);
    else callback(null, d.address, d.family);
  };

const printable = (text: string) => text.replace(/[^\x20-\x7e]+/g, ' ').trim();

export function post(
  d: Destination,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Answer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<Answer>((resolve) => {
    let settled = false;
    const finish = (answer: Omit<Answer, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, ms: elapsed() });
    };
    const module = d.url.protocol === 'https:' ? https : http;
    const request = module.request(
      {
        method: 'POST',
        protocol: d.url.protocol,
        hostname: d.url.hostname.replace(/^\[|\]$/g, ''),
        port: d.url.port || undefined,
        path: `${d.url.pathname}${d.url.search}`,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: agents[d.url.protocol as 'http:' | 'https:'],
        lookup: pinned(d),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        const retryAfter = response.headers['retry-after'] ?? null;
        if (ok) {
          response.resume();
          response.once('end', () => finish({ status, retryAfter: null, error: null }));
          response.once('error', () => finish({ status, retryAfter: null, error: null }));
          return;
        }
        const parts: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < excerptBytes) parts.push(chunk);
          size += chunk.byteLength;
        });
        const done = () => {
          const excerpt = printable(Buffer.concat(parts).toString('utf8').slice(0, excerptBytes));
          finish({ status, retryAfter, error: `HTTP ${status}${excerpt ? `: ${excerpt}` : ''}` });
        };
        response.once('end', done);
        response.once('error', done);
      },
    );
    const timer = setTimeout(() => {
      finish({ status: null, retryAfter: null, error: `no answer within ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.once('error', (error: NodeJS.ErrnoException) =>
      finish({
        status: null,
        retryAfter: null,
        error: `${error.code ?? 'error'}: ${printable(error.message).slice(0, 200)}`,
      }),
    );
    request.end(body);
  });
}
