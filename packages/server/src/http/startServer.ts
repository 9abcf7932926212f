// Runs the handler on node:http (@hono/node-server) and stops it gracefully: no new connections,
// event streams ended (clients resume with Last-Event-ID), in-flight requests finished, then the
// database closed. The CLI's `onenumber serve` calls close() on SIGINT and SIGTERM.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { OneNumberError, parseInput } from '@onenumber/core';
import { z } from 'zod';
import type { ServerDatabase } from '../db/ServerDatabase';
import { createOneNumberHandler, handlerOptionsSchema, type OneNumberHandler } from './createOneNumberHandler';

export const serverOptionsSchema = handlerOptionsSchema.extend({
  port: z.number().int().min(0).max(65535).default(8787),
  host: z.string().min(1).max(255).default('127.0.0.1'),
  /** How long close() waits for in-flight requests before it drops connections. */
  graceMs: z.number().int().min(0).max(600_000).default(10_000),
});
export type ServerOptions = z.input<typeof serverOptionsSchema>;

export interface RunningServer {
  /** The base URL, e.g. http://127.0.0.1:8787 (with the real port when 0 was asked). */
  url: string;
  port: number;
  handler: OneNumberHandler;
  db: ServerDatabase;
  /** Graceful shutdown; closes the database last. Safe to call more than once. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { port, host, graceMs, ...handlerOptions } = parseInput(serverOptionsSchema, options, 'options');
  const handler = createOneNumberHandler(handlerOptions);
  const server = createAdaptorServer({ fetch: handler.fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new OneNumberError('INVALID_INPUT', `Cannot listen on ${host}:${port} (${error.code ?? 'error'}).`, { field: 'port' })));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | null = null;
  async function shutdown(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    handler.closeStreams();
    const deadline = Date.now() + graceMs;
    while (handler.inFlight > 0 && Date.now() < deadline) await sleep(5);
    server.closeIdleConnections();
    await Promise.race([closed, sleep(Math.max(0, deadline - Date.now()))]);
    server.closeAllConnections();
    await closed;
    await handlerOptions.db.close();
  }

  return {
    url,
    port: address.port,
    handler,
    db: handlerOptions.db,
    close: () => (closing ??= shutdown()),
  };
}
