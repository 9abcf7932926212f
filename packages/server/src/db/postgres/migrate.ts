// Schema migrations, versioned in code (sql/schema.ts), applied in one transaction under an
// advisory lock: replicas that start at once apply each step exactly once (the others wait for
// the lock, then find the steps recorded). PostgreSQL's DDL is transactional, so a step that
// fails leaves nothing half-made.
import { OneNumberError } from '@onenumber/core';
import type pg from 'pg';
import type { MigrationStep } from '../common/migrationStep';
import { migrationSql, migrationSteps, migrationsTable } from './sql';

export interface PostgresMigrationReport {
  /** Versions applied by this call (empty when the database was up to date). */
  applied: number[];
  /** The schema version afterwards. */
  version: number;
}

export async function migrate(
  client: pg.Client,
  schema: string | undefined,
  steps: readonly MigrationStep[] = migrationSteps,
  now = () => new Date().toISOString(),
): Promise<PostgresMigrationReport> {
  const known = Math.max(0, ...steps.map((s) => s.version));
  await client.query(migrationSql.begin);
  try {
    await client.query(migrationSql.lock, [`onenumber migrations ${schema ?? ''}`]);
    if (schema) await client.query(migrationSql.createSchema(schema));
    await client.query(migrationsTable);
    const recorded = new Set(
      (await client.query<{ version: number }>(migrationSql.appliedVersions)).rows.map((r) => r.version),
    );
    const newest = Math.max(0, ...recorded);
    if (newest > known) {
      throw new OneNumberError(
        'STORAGE_MISMATCH',
        `This database has schema version ${newest}, newer than this server knows (${known}). Upgrade @onenumber/server.`,
      );
    }
    const applied: number[] = [];
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (recorded.has(step.version)) continue;
      for (const statement of step.statements) await client.query(statement);
      await client.query(migrationSql.record, [step.version, step.name, now()]);
      applied.push(step.version);
    }
    await client.query(migrationSql.commit);
    return { applied, version: Math.max(newest, ...applied) };
  } catch (error) {
    await client.query(migrationSql.rollback).catch(() => {});
    throw error;
  }
}
