// Every SQL statement of the SQLite dialect lives under this folder; the stores use only these.
import type { Database } from 'better-sqlite3';
import { channelSql } from './channelSql';
import { directorySql } from './directorySql';
import { eventSql } from './eventSql';
import { messageSql } from './messageSql';
import { outboxSql } from './outboxSql';
import { timelineSql } from './timelineSql';
import { tokenSql } from './tokenSql';

export { migrationSteps, migrationsTable, type MigrationStep } from './schema';
export { noLimit } from './eventSql';
export type { DueRow } from './outboxSql';
export type { TokenRow } from './tokenSql';
export type { TimelineRow } from './timelineSql';

/** Prepares every statement once per connection. */
export function prepareStatements(db: Database) {
  return {
    ...channelSql(db),
    ...messageSql(db),
    ...eventSql(db),
    ...outboxSql(db),
    ...directorySql(db),
    ...timelineSql(db),
    ...tokenSql(db),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

export const pragmas = {
  journalMode: 'journal_mode = WAL',
  foreignKeys: 'foreign_keys = ON',
  busyTimeout: (ms: number) => `busy_timeout = ${Math.trunc(ms)}`,
  synchronous: (level: 'NORMAL' | 'FULL') => `synchronous = ${level === 'FULL' ? 'FULL' : 'NORMAL'}`,
} as const;

export const migrationSql = {
  appliedVersions: 'SELECT version FROM schema_migrations ORDER BY version',
  record: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
} as const;
