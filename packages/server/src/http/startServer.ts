// Runs the handler on node:http (@hono/node-server) and stops it gracefully: no new connections,
// event streams ended (clients resume with Last-Event-ID), in-flight requests finished, the
// WhatsApp outbox worker drained (it started once the server listened), then the database
// closed. The CLI's `onenumber serve` calls close() on SIGINT and SIGTERM. Slow clients and too
// many connections are cut off by the limits of serverLimits.ts.
import { IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import { openSqliteDatabase } from '../db';
import type { ServerDatabase } from '../db/ServerDatabase';
import { jsonLineSecurityLogger, safeLogger } from './security/securityLog';
import {
  applyServerLimits,
  checkingIntervalMs,
  serverLimitsFromEnv,
  serverLimitsSchema,
  type ServerLimits,
} from './serverLimits';
import {
  createOneNumberHandler,
  handlerOptionsSchema,
  withAdminToken,
  type OneNumberHandler,
} from './createOneNumberHandler';

export const serverOptionsSchema = handlerOptionsSchema
  .extend({
    /** An open database; or `file` to open (and own) a SQLite database there. */
    db: handlerOptionsSchema.shape.db.optional(),
    /** A SQLite file, created with its schema when missing. */
    file: z.string().min(1).max(4096).optional(),
    /** NORMAL (default) survives a killed process; FULL also survives power loss. With `file` only. */
    synchronous: z.enum(['NORMAL', 'FULL']).optional(),
    port: z.number().int().min(0).max(65535).default(8787),
    host: z.string().min(1).max(255).default('127.0.0.1'),
    /** How long close() waits for in-flight requests before it drops connections. */
    graceMs: z.number().int().min(0).max(600_000).default(10_000),
  })
  .extend(serverLimitsSchema.shape)
  .refine((o) => (o.db === undefined) !== (o.file === undefined), {
    message: 'give either db or file',
    path: ['file'],
  })
  .refine((o) => o.headersTimeoutMs <= o.requestTimeoutMs, {
    message: 'the headers timeout cannot be longer than the request timeout',
    path: ['headersTimeoutMs'],
  });
export type ServerOptions = Omit<z.input<typeof serverOptionsSchema>, 'adminToken'> & {
  adminToken?: string | undefined;
};

export interface RunningServer {
  /** The base URL, e.g. http://127.0.0.1:8787 (with the real port when 0 was asked). */
  url: string;
  port: number;
  handler: OneNumberHandler;
  db: ServerDatabase;
  /** The timeouts and connection cap in force (options, else ONENUMBER_* variables, else defaults). */
  limits: ServerLimits;
  /** Connections refused since start because maxConnections were open. */
  readonly refusedConnections: number;
  /** Graceful shutdown; closes the database last. Safe to call more than once. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options as given, over the limits the environment sets (a limit given as undefined does not hide one). */
function withEnvLimits(options: ServerOptions): ServerOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...serverLimitsFromEnv(typeof process === 'undefined' ? {} : process.env), ...given } as ServerOptions;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const {
    port,
    host,
    graceMs,
    file,
    synchronous,
    db: given,
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs,
    maxConnections,
    ...rest
  } = parseInput(serverOptionsSchema, withAdminToken(withEnvLimits(options)), 'options');
  const limits = { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections };
  const db = given ?? openSqliteDatabase({ file: file!, ...(synchronous ? { synchronous } : {}) });
  let handler: OneNumberHandler;
  try {
    handler = createOneNumberHandler({ ...rest, db });
  } catch (error) {
    if (!given) await db.close();
    throw error;
  }
  const server = createAdaptorServer({
    fetch: (request: Request, env: { incoming: unknown }) =>
      handler.fetch(request, env.incoming instanceof IncomingMessage ? { nodeRequest: env.incoming } : undefined),
    overrideGlobalObjects: false,
    serverOptions: { connectionsCheckingInterval: checkingIntervalMs(limits) },
  }) as Server;
  const logSecurity = safeLogger(rest.securityLogger ?? jsonLineSecurityLogger);
  const connections = applyServerLimits(server, limits, (count) =>
    logSecurity({ security: 'connections.refused', count, max: maxConnections }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new OneNumberError('INVALID_INPUT', `Cannot listen on ${host}:${port} (${error.code ?? 'error'}).`, {
          field: 'port',
        }),
      ),
    );
    server.listen(port, host, () => resolve());
  }).catch(async (error: unknown) => {
    if (!given) await db.close();
    throw error;
  });
  let answering = 0; // responses not yet fully written, counted at the socket level
  server.on('request', (_req, res) => {
    answering++;
    res.once('close', () => answering--);
  });
  handler.whatsapp.start();
  handler.push.start();
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | null = null;
  async function shutdown(): Promise<void> {
    let done = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve())).then(() => {
      done = true;
    });
    handler.closeStreams();
    // The worker stops claiming at once and finishes what it holds (a webhook status that arrives
    // meanwhile is still stored): every outcome is recorded before the database closes.
    const drained = handler.whatsapp.stop({ drainMs: Math.min(graceMs, 5_000) });
    const pushed = handler.push.stop({ drainMs: Math.min(graceMs, 5_000) }); // R34: attempts under way finish
    const deadline = Date.now() + graceMs;
    // Once every answer (and every ended stream) is flushed, no connection carries anything: drop
    // them all, idle keep-alive ones and pre-opened ones that never sent a request included.
    while (!done && Date.now() < deadline) {
      if (answering === 0) server.closeAllConnections();
      await sleep(5);
    }
    server.closeAllConnections();
    await closed;
    await drained;
    await pushed;
    await db.close();
  }

  return {
    url,
    port: address.port,
    handler,
    db,
    limits,
    get refusedConnections() {
      return connections.refused;
    },
    close: () => (closing ??= shutdown()),
  };
}
