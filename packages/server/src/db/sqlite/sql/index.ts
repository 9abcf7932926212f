// Every SQL text of the SQLite dialect lives under this folder: the catalogue's statements
// (statements.ts, which the stores name), the runner's own (runnerSql.ts), the schema's migration
// steps and the connection's pragmas.
import type { MigrationStep } from '../../common/migrationStep';
import { parkedMigrationSteps } from './parkedSchema';
import { pacingMigrationSteps } from './pacingSchema';
import { pushMigrationSteps } from './pushSchema';
import { readMigrationSteps } from './readSchema';
import { migrationSteps as schemaSteps } from './schema';

export { migrationsTable } from './schema';
/** The schema's steps, then push delivery's (R34), parked deliveries' (R29) shared pacing's and read markers' (R39), steps of their own, in version order. */
export const migrationSteps: readonly MigrationStep[] = [
  ...schemaSteps,
  ...pushMigrationSteps,
  ...parkedMigrationSteps,
  ...pacingMigrationSteps,
  ...readMigrationSteps,
].sort((a, b) => a.version - b.version);
export type { MigrationStep } from '../../common/migrationStep';
export { sqliteStatements } from './statements';
export { runnerSql, type RunnerSql } from './runnerSql';

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
