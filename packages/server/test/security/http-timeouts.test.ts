// Slow clients and too many connections, through raw sockets against the real server: a client
// that sends its headers slowly (slowloris) is cut off after the headers timeout, one that never
// finishes its body after the request timeout; an idle keep-alive connection is not a slow request
// and serves its next request; past the connection cap new connections are refused at once while
// open ones keep working. Limits come from options, else ONENUMBER_* variables, else defaults.
// Small limits here; generous bounds, no timing assertions.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src';
import { sqliteDatabase } from '../http/support/tempFiles';
import { adminToken, r35Server, sleep, watchStream, within, type R35Server } from './r35-support';

const servers: R35Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const started = async (options: Parameters<typeof r35Server>[0]) => {
  const server = await r35Server({ setup: false, ...options });
  servers.push(server);
  return server;
};

interface RawClient {
  socket: Socket;
  received(): string;
  closed: Promise<void>;
  readonly isClosed: boolean;
}

async function raw(url: string): Promise<RawClient> {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let text = '';
  let isClosed = false;
  socket.on('data', (chunk) => (text += chunk.toString()));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      resolve();
    }),
  );
  return {
    socket,
    received: () => text,
    closed,
    get isClosed() {
      return isClosed;
    },
  };
}

const getHealth = 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n';
const answers = (text: string) => text.match(/HTTP\/1\.1 \d{3}/g) ?? [];

describe('timeouts', () => {
  it('a client sending its headers slowly (slowloris) is cut off after the headers timeout', async () => {
    const server = await started({ headersTimeoutMs: 500, requestTimeoutMs: 2_000 });
    const client = await raw(server.url);
    client.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => client.isClosed || client.socket.write('X-Slow: 1\r\n'), 100);
    try {
      await within(client.closed, 10_000, 'the slow client to be cut off');
    } finally {
      clearInterval(drip);
    }
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200); // the server goes on
  });

  it('a client that never finishes its body is cut off after the request timeout', async () => {
    const server = await started({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const client = await raw(server.url);
    client.socket.write(
      `POST /v1/directory/org HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${adminToken}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
    );
    const drip = setInterval(() => client.isClosed || client.socket.write(' '), 100);
    try {
      await within(client.closed, 10_000, 'the slow body to be cut off');
    } finally {
      clearInterval(drip);
    }
    expect(answers(client.received())).toEqual(['HTTP/1.1 408']);
    // The handler that waited for the body let go of it (nothing left in flight).
    await within(
      (async () => {
        while (server.handler.inFlight > 0) await sleep(20);
      })(),
      10_000,
      'the request to leave the handler',
    );
  });

  it('an idle keep-alive connection outlives the headers timeout and serves its next request', async () => {
    const server = await started({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const client = await raw(server.url);
    client.socket.write(getHealth);
    await sleep(1_200); // idle, four headers timeouts
    expect(client.isClosed).toBe(false);
    client.socket.write(getHealth);
    await within(
      (async () => {
        while (answers(client.received()).length < 2) await sleep(20);
      })(),
      10_000,
      'the second answer',
    );
    expect(answers(client.received())).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
    client.socket.destroy();
  });

  it('an event stream is not a slow request: it stays open past the request timeout', async () => {
    const server = await started({ headersTimeoutMs: 300, requestTimeoutMs: 500, setup: true });
    const crm = await server.issue('crm');
    const stream = await watchStream(server.url, crm.token);
    await sleep(1_500);
    await server.say('wamid.late');
    await stream.waitFor(1);
    stream.close();
  });
});

describe('connection cap', () => {
  it('past maxConnections new connections are refused at once; open ones keep working; refusals are counted and logged', async () => {
    const server = await started({ maxConnections: 3 });
    const open = await Promise.all([1, 2, 3].map(() => raw(server.url)));
    for (const client of open) client.socket.write(getHealth);
    await sleep(200);
    const refused = await raw(server.url);
    refused.socket.write(getHealth);
    await within(refused.closed, 10_000, 'the connection past the cap to be closed');
    expect(refused.received()).toBe('');
    for (const client of open) client.socket.write(getHealth);
    await within(
      (async () => {
        while (open.some((c) => answers(c.received()).length < 2)) await sleep(20);
      })(),
      10_000,
      'the open connections to answer again',
    );
    expect(server.refusedConnections).toBeGreaterThanOrEqual(1);
    expect(server.security).toContainEqual(expect.objectContaining({ security: 'connections.refused', max: 3 }));
    for (const client of open) client.socket.destroy();
    // Once they are gone, new connections are served again.
    await sleep(200);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe('limits: options, ONENUMBER_* variables, defaults', () => {
  it('the defaults: 10 s for headers, 30 s for a request, 65 s idle keep-alive, 1,024 connections', async () => {
    const server = await started({});
    expect(server.limits).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 1024,
    });
  });

  it('the variables set what the options leave out; a bad one is INVALID_INPUT naming it', async () => {
    const saved = { ...process.env };
    try {
      process.env.ONENUMBER_HEADERS_TIMEOUT_MS = '2000';
      process.env.ONENUMBER_MAX_CONNECTIONS = '50';
      const server = await started({ maxConnections: 60 });
      expect(server.limits).toMatchObject({ headersTimeoutMs: 2_000, maxConnections: 60 });
      process.env.ONENUMBER_REQUEST_TIMEOUT_MS = 'soon';
      const failed = await startServer({ port: 0, db: sqliteDatabase(), adminToken }).catch((e: unknown) => e);
      expect(failed).toMatchObject({ code: 'INVALID_INPUT', field: 'ONENUMBER_REQUEST_TIMEOUT_MS' });
    } finally {
      process.env = saved;
    }
    const inverted = await startServer({
      port: 0,
      db: sqliteDatabase(),
      adminToken,
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 1_000,
    }).catch((e: unknown) => e);
    expect(inverted).toMatchObject({ code: 'INVALID_INPUT', field: 'headersTimeoutMs' });
  });
});
