// `onenumber serve [--port 8787] [--host 127.0.0.1] [--db ./onenumber.db|postgres://...] [--synchronous normal|full]`:
// the OneNumber server on a SQLite file, or on PostgreSQL when --db (or env ONENUMBER_DATABASE_URL)
// is a postgres:// URL (several replicas may serve one database). Prints the URL it listens on (and, when
// ONENUMBER_ADMIN_TOKEN is not set, a generated admin token, once); stops cleanly on SIGINT and
// SIGTERM (in-flight requests finish, event streams end, the database closes). With the WHATSAPP_*
// variables set it mounts the WhatsApp webhook and sender and says which are on (serveWhatsApp.ts).
// Timeouts and the connection cap: serveLimits.ts.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { OneNumberError } from '@onenumber/core';
import { describeDatabase, isPostgresUrl, openDatabase, serverLimitsFromEnv, startServer } from '@onenumber/server';
import type { Io } from './scenario';
import { serveLimits, type ServeLimitFlags } from './serveLimits';
import { describeWhatsApp, whatsAppOf, whatsAppServeOptions } from './serveWhatsApp';

export interface ServeOptions extends ServeLimitFlags {
  port: string;
  host: string;
  /** A SQLite file path or a postgres:// URL; default: env ONENUMBER_DATABASE_URL, else ./onenumber.db. */
  db?: string | undefined;
  synchronous: string;
  /** WhatsApp messages/s per number, 1..1000 (default 80); on PostgreSQL shared by every replica. */
  rate?: string | undefined;
  /** PostgreSQL only: connections in this replica's pool (default 10). */
  poolMax?: string | undefined;
}

/** The database `serve` and `migrate` use: --db, else ONENUMBER_DATABASE_URL, else ./onenumber.db. */
export function databaseTarget(db: string | undefined, env: NodeJS.ProcessEnv): string {
  const target = db ?? env.ONENUMBER_DATABASE_URL ?? './onenumber.db';
  return isPostgresUrl(target) ? target : resolve(target);
}

const wholeNumber = (text: string, min: number, max: number): number | null =>
  /^[0-9]{1,6}$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : null;

/** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
export type StopSignal = () => Promise<string>;

const onSignal: StopSignal = () =>
  new Promise((done) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

export async function serveCommand(
  options: ServeOptions,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
  stopSignal: StopSignal = onSignal,
): Promise<number> {
  const port = Number(options.port);
  if (!/^[0-9]{1,5}$/.test(options.port) || port > 65535) {
    io.err(`onenumber serve: --port must be a number from 0 to 65535 (got "${options.port}").`);
    return 2;
  }
  const synchronous = options.synchronous.toUpperCase();
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    io.err(`onenumber serve: --synchronous must be normal or full (got "${options.synchronous}").`);
    return 2;
  }
  const rate = wholeNumber(options.rate ?? '80', 1, 1000);
  if (rate === null) {
    io.err(
      `onenumber serve: --rate must be a whole number of messages per second from 1 to 1000 (got "${options.rate}"); WhatsApp allows 80 by default, 1,000 after an upgrade.`,
    );
    return 2;
  }
  const poolMax = wholeNumber(options.poolMax ?? '10', 1, 500);
  if (poolMax === null) {
    io.err(`onenumber serve: --pool-max must be a whole number from 1 to 500 (got "${options.poolMax}").`);
    return 2;
  }
  const limited = serveLimits(options);
  if ('error' in limited) {
    io.err(`onenumber serve: ${limited.error}`);
    return 2;
  }
  const given = env.ONENUMBER_ADMIN_TOKEN;
  if (given !== undefined && given.length < 16) {
    io.err('onenumber serve: ONENUMBER_ADMIN_TOKEN must have at least 16 characters.');
    return 2;
  }
  const adminToken = given ?? randomBytes(24).toString('base64url');
  const target = databaseTarget(options.db, env);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    const limits = { ...serverLimitsFromEnv(env), ...limited.limits }; // the flags win over the variables
    const db = await openDatabase(target, { synchronous, poolMax });
    server = await startServer({
      port,
      host: options.host,
      db,
      adminToken,
      ...limits,
      whatsapp: { ...whatsAppServeOptions(env, io), rate },
    }).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
  } catch (error) {
    if (!OneNumberError.isInstance(error)) throw error;
    io.err(`onenumber serve: ${error.message}`);
    return 2;
  }
  io.out(`OneNumber server listening on ${server.url} (database ${describeDatabase(target)})\n`);
  io.out(describeWhatsApp(whatsAppOf(server), server.url));
  if (given === undefined) {
    io.out(`Admin token (shown once; set ONENUMBER_ADMIN_TOKEN to choose your own): ${adminToken}\n`);
  }
  const signal = await stopSignal();
  await server.close();
  io.out(`Stopped on ${signal}: requests finished, database closed.\n`);
  return 0;
}
