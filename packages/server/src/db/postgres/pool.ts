// The pg Pool of one database handle: bigint columns read as numbers (sequences stay far below
// 2^53), every connection on the handle's schema with bounded lock waits, named after the replica
// (pg_stat_activity shows which replica holds what).
import pg from 'pg';

export interface PoolOptions {
  url: string;
  max: number;
  replicaId: string;
  schema: string | undefined;
  lockTimeoutMs: number;
}

const int8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Settings sent at connection start (libpq's `options`): no SQL runs before they hold. */
export function sessionOptions(schema: string | undefined, lockTimeoutMs: number): string {
  const settings = [`-c lock_timeout=${lockTimeoutMs}`, '-c idle_in_transaction_session_timeout=60000'];
  if (schema) settings.push(`-c search_path=${schema}`);
  return settings.join(' ');
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    types,
    application_name: `onenumber ${options.replicaId}`.slice(0, 63),
    options: sessionOptions(options.schema, options.lockTimeoutMs),
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // An idle connection that breaks is dropped by the pool; the next query opens another.
  pool.on('error', () => {});
  return pool;
}

/** A client for one purpose (migrations, LISTEN), with the pool's settings. */
export function createClient(options: PoolOptions): pg.Client {
  const client = new pg.Client({
    connectionString: options.url,
    types,
    application_name: `onenumber ${options.replicaId}`.slice(0, 63),
    options: sessionOptions(options.schema, options.lockTimeoutMs),
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  return client;
}
