// The server's durable database on PostgreSQL, for several replicas on one database: a pg Pool,
// migrations applied on open under an advisory lock, the rules made atomic by row locks and
// unique constraints (not by process memory), events numbered in commit order and announced to
// every replica with LISTEN/NOTIFY, an outbox claimed with FOR UPDATE SKIP LOCKED and leases.
import { hostname } from 'node:os';
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import type { ServerDatabase } from '../ServerDatabase';
import { serverDatabase } from '../stores/serverDatabase';
import type { TokenChangeListener } from '../common/tokenTypes';
import { createHandle, type PgHandle } from './connection';
import { startListener } from './listener';
import { migrate, type PostgresMigrationReport } from './migrate';
import { toPgError } from './pgErrors';
import { createClient, createPool, type PoolOptions } from './pool';
import { postgresRunner } from './runner';

export const postgresUrlSchema = z
  .string()
  .max(4096)
  .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL');

export const postgresDatabaseOptionsSchema = z
  .object({
    /** postgres://user:password@host:port/database (any libpq URL parameters pg understands). */
    url: postgresUrlSchema,
    pool: z
      .object({ max: z.number().int().min(1).max(1000).default(10) })
      .strict()
      .default({ max: 10 }),
    /** Names this replica's connections (pg_stat_activity's application_name). */
    replicaId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,48}$/, 'letters, digits, ".", "_", ":" or "-"')
      .optional(),
    /** The schema the tables live in (created when missing); default: the connection's search_path. */
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier')
      .optional(),
    /** How long a write waits for another replica's row lock before STORAGE_UNAVAILABLE. */
    lockTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  })
  .strict();

export type PostgresDatabaseOptions = z.input<typeof postgresDatabaseOptionsSchema>;

function poolOptions(options: PostgresDatabaseOptions): PoolOptions {
  const parsed = parseInput(postgresDatabaseOptionsSchema, options, 'options');
  return {
    url: parsed.url,
    max: parsed.pool.max,
    replicaId: parsed.replicaId ?? `${hostname()}-${process.pid}`,
    schema: parsed.schema,
    lockTimeoutMs: parsed.lockTimeoutMs,
  };
}

/** Where a URL points, without its password (for messages). */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'the given URL';
  }
}

function unreachable(url: string, error: unknown): OneNumberError {
  const mapped = toPgError(error);
  if (mapped.code !== 'INTERNAL' && mapped.code !== 'STORAGE_UNAVAILABLE') return mapped;
  const reason = (error as { code?: string })?.code ?? 'no answer';
  return new OneNumberError(
    'STORAGE_UNAVAILABLE',
    `PostgreSQL at ${describePostgresUrl(url)} could not be used (${reason}). Check that PostgreSQL runs there and that the URL's host, port, user, password and database are right.`,
  );
}

/** Applies the migrations this server knows to the database (what `onenumber migrate` runs). */
export async function migratePostgres(options: PostgresDatabaseOptions): Promise<PostgresMigrationReport> {
  const config = poolOptions(options);
  const client = createClient(config);
  client.on('error', () => {});
  try {
    await client.connect();
    return await migrate(client, config.schema);
  } catch (error) {
    throw unreachable(config.url, error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** How often subscribers read their streams without being told to (a lost NOTIFY costs at most this). */
const catchUpMs = 2_000;

export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<ServerDatabase> {
  const config = poolOptions(options);
  await migratePostgres(options);
  const pool = createPool(config);
  const channel = `onenumber_events${config.schema ? `_${config.schema}` : ''}`.slice(0, 63);
  const base = createHandle(pool, channel);
  let heard: TokenChangeListener | null = null; // R35: other replicas' token changes, while anyone watches
  let listener: { close(): Promise<void> };
  try {
    listener = await startListener({
      channel,
      origin: base.origin,
      connect: () => createClient(config),
      wake: (keys) => base.hub.notify(keys),
      tokens: (ids) => heard?.(ids),
    });
  } catch (error) {
    await pool.end().catch(() => {});
    throw unreachable(config.url, error);
  }
  // Issue 17: streams are announced after commit (notifier.ts); a replica that dies between its
  // commit and its NOTIFY leaves events nobody was told of, so subscribers read again now and then.
  const catchUp = setInterval(() => base.hub.notify(null), catchUpMs);
  catchUp.unref();
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(catchUp);
      base.closing();
      await listener.close();
      await pool.end().catch(() => {});
    })());
  const handle: PgHandle = { ...base, close };
  // R35: the listener hands other replicas' token changes on while anyone watches.
  const tokenFeed = {
    follow(listener: TokenChangeListener) {
      heard = listener;
      return () => {
        heard = null;
      };
    },
  };
  return serverDatabase({ db: postgresRunner(handle), hub: handle.hub, tokenFeed, close });
}
