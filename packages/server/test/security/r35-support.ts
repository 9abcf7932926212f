// What the R35 tests share: an SSE reader that keeps every frame and comment with its arrival
// time and the closing comment the server sends when it ends a stream; a real server on a SQLite
// file (or a given database) with acme's directory, crm and desk connected to one number, and its
// security log lines kept.
import { startServer, type RunningServer, type SecurityLog, type ServerOptions } from '../../src';
import type { ServerDatabase } from '../../src/db/ServerDatabase';
import { adminToken } from '../http/support/server';
import { sqliteDatabase } from '../http/support/tempFiles';
/** A JSON answer as JSON.parse gives it: read loosely by the tests. */
type Parsed = ReturnType<typeof JSON.parse>;

export interface StreamFrame {
  id: string | undefined;
  data: Parsed;
  at: number;
}

export interface WatchedStream {
  status: number;
  frames: StreamFrame[];
  comments: string[];
  /** The `closed: <reason>: ...` comment, once the server ended the stream for a token. */
  readonly closing: string | undefined;
  /** Resolves when the server ends the stream (or the connection breaks), with the time. */
  ended: Promise<number>;
  /** Resolves once `count` frames arrived. */
  waitFor(count: number, ms?: number): Promise<void>;
  close(): void;
}

export async function watchStream(url: string, token: string, lastEventId?: string): Promise<WatchedStream> {
  const abort = new AbortController();
  const res = await fetch(`${url}/v1/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: abort.signal,
  });
  const frames: StreamFrame[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let opened = () => {};
  const connected = new Promise<void>((resolve) => (opened = resolve));
  const ended = (async () => {
    if (res.status !== 200 || !res.body) return Date.now();
    let buffer = '';
    try {
      for await (const chunk of res.body.pipeThrough(new TextDecoderStream())) {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let id: string | undefined;
          let data: string | undefined;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('data: ')) data = line.slice(6);
          }
          if (block.includes(': connected')) opened();
          if (data !== undefined) frames.push({ id, data: JSON.parse(data), at: Date.now() });
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      // aborted by close()
    }
    opened();
    for (const wake of [...waiters]) wake();
    return Date.now();
  })();
  if (res.status === 200) await connected;
  return {
    status: res.status,
    frames,
    comments,
    get closing() {
      return comments.find((c) => c.startsWith('closed:'));
    },
    ended,
    waitFor(count, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited for ${count} frames, got ${frames.length}`));
        }, ms);
        const check = () => {
          if (frames.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}

/** Resolves with `promise`, or rejects naming `what` after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    }),
  ]);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A customer's inbound message reported by the admin (every member's stream gets an event). */
export const inbound = (number: string, customer: string, id: string) => ({
  number,
  customer,
  providerId: id,
  type: 'text',
  text: `hello ${id}`,
  raw: null,
  at: new Date().toISOString(),
});

export { adminToken };
export const N = '+81312345678';
export const customer = '+819012345678';

export interface R35Server extends RunningServer {
  security: SecurityLog[];
  call(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: Parsed }>;
  /** Issues a service token (201 or throws); `extra` adds to the body (expiresAt). */
  issue(service: string, extra?: Record<string, unknown>): Promise<{ id: string; token: string; expiresAt?: string }>;
  /** One inbound message: an event on every connected service's stream. */
  say(id: string): Promise<void>;
}

export async function r35Server(
  options: { db?: ServerDatabase; setup?: boolean } & Partial<ServerOptions> = {},
): Promise<R35Server> {
  const security: SecurityLog[] = [];
  const { db, setup = true, ...rest } = options;
  const server = await startServer({
    port: 0,
    db: db ?? sqliteDatabase(),
    adminToken,
    logger: () => {},
    securityLogger: (entry) => security.push(entry),
    graceMs: 2_000,
    whatsapp: false,
    ...rest,
  } as ServerOptions);
  async function call(method: string, path: string, token: string | null, body?: unknown) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as Parsed };
  }
  const admin = (method: string, path: string, body?: unknown) => call(method, path, adminToken, body);
  if (setup) {
    await admin('POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      numbers: [{ number: N, verified: true }],
    });
    const at = new Date().toISOString();
    for (const service of ['crm', 'desk']) {
      const connect = { org: 'acme', number: N, service, mode: 'shared', reason: 'bundle', at };
      const answer = await admin('POST', '/v1/storage/connect', connect);
      if (answer.status !== 200) throw new Error(`connect ${service}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  }
  return {
    ...server,
    get refusedConnections() {
      return server.refusedConnections;
    },
    security,
    call,
    async issue(service, extra = {}) {
      const answer = await admin('POST', '/v1/admin/tokens', { org: 'acme', service, ...extra });
      if (answer.status !== 201) throw new Error(`issue: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async say(id) {
      const answer = await admin('POST', '/v1/storage/receive', inbound(N, customer, id));
      if (answer.status !== 200) throw new Error(`receive: ${answer.status} ${JSON.stringify(answer.body)}`);
    },
  };
}
