// One entry for the server's database, chosen by what names it: a postgres:// or postgresql://
// URL opens PostgreSQL (several replicas on one database), anything else is a SQLite file path
// (one machine). `onenumber serve --db` and `onenumber migrate --db` take either.
import { OneNumberError } from '@onenumber/core';
import type { ServerDatabase } from './ServerDatabase';
import { describePostgresUrl, migratePostgres, openPostgresDatabase } from './postgres/openPostgresDatabase';
import { openConnection } from './sqlite/connection';
import { openSqliteDatabase } from './sqlite/openSqliteDatabase';

export interface OpenDatabaseOptions {
  /** SQLite only: NORMAL survives a killed process; FULL also survives power loss. */
  synchronous?: 'NORMAL' | 'FULL' | undefined;
  /** PostgreSQL only: this replica's name, and its pool size. */
  replicaId?: string | undefined;
  poolMax?: number | undefined;
}

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

/** What a target names, safe to print (a URL loses its password). */
export const describeDatabase = (target: string): string =>
  isPostgresUrl(target) ? `postgres ${describePostgresUrl(target)}` : target;

export async function openDatabase(urlOrPath: string, options: OpenDatabaseOptions = {}): Promise<ServerDatabase> {
  if (typeof urlOrPath !== 'string' || !urlOrPath)
    throw new OneNumberError('INVALID_INPUT', 'db: a postgres:// URL or a SQLite file path', { field: 'db' });
  if (isPostgresUrl(urlOrPath)) {
    return openPostgresDatabase({
      url: urlOrPath,
      ...(options.replicaId ? { replicaId: options.replicaId } : {}),
      ...(options.poolMax ? { pool: { max: options.poolMax } } : {}),
    });
  }
  return openSqliteDatabase({ file: urlOrPath, ...(options.synchronous ? { synchronous: options.synchronous } : {}) });
}

export interface MigrationOutcome {
  dialect: 'sqlite' | 'postgres';
  applied: number[];
  version: number;
}

/** Applies the schema migrations this server knows (both dialects version them in code). */
export async function migrateDatabase(urlOrPath: string): Promise<MigrationOutcome> {
  if (isPostgresUrl(urlOrPath)) return { dialect: 'postgres', ...(await migratePostgres({ url: urlOrPath })) };
  const handle = openConnection({ file: urlOrPath, synchronous: 'NORMAL', busyTimeoutMs: 5_000, pollMs: 100 });
  handle.close();
  return { dialect: 'sqlite', ...handle.migrations };
}
