// Every SQL text of the PostgreSQL dialect lives under this folder: the catalogue's statements
// (statements.ts, which the stores name), the runner's own (runnerSql.ts), the schema's migration
// steps and the transactions' and listener's commands.

import type { MigrationStep } from '../../common/migrationStep';
import { eventPositionSteps } from './eventPositionSchema';
import { inboundFactsSteps } from './inboundFactsSchema';
import { parkedMigrationSteps } from './parkedSchema';
import { pacingMigrationSteps } from './pacingSchema';
import { pushMigrationSteps } from './pushSchema';
import { readMigrationSteps } from './readSchema';
import { migrationSteps as schemaSteps } from './schema';

export { migrationsTable } from './schema';
/** The schema's steps, then push delivery's (R34), issue 17's (event positions, inbound facts), parked deliveries' (R29) shared pacing's and read markers' (R39), steps of their own, in version order. */
export const migrationSteps: readonly MigrationStep[] = [
  ...schemaSteps,
  ...pushMigrationSteps,
  ...eventPositionSteps,
  ...inboundFactsSteps,
  ...parkedMigrationSteps,
  ...pacingMigrationSteps,
  ...readMigrationSteps,
].sort((a, b) => a.version - b.version);
export type { Queryable, Statement } from './statement';

export { postgresStatements } from './statements';
export { runnerSql } from './runnerSql';

export const migrationSql = {
  /** Replicas starting at once: one applies the steps, the others wait here, then find them recorded. */
  lock: `SELECT pg_advisory_xact_lock(hashtext($1))`,
  createSchema: (schema: string) => `CREATE SCHEMA IF NOT EXISTS "${schema}"`,
  appliedVersions: 'SELECT version FROM schema_migrations ORDER BY version',
  record: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
  /** The transactions the stores run: row locks make them serial where the rules need it. */
  begin: 'BEGIN ISOLATION LEVEL READ COMMITTED',
  beginRead: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  listen: (channel: string) => `LISTEN "${channel}"`,
} as const;
