// Schema migrations, versioned in code (sql/schema.ts): every open applies the steps a file has
// not recorded yet, all in one BEGIN IMMEDIATE transaction, so two processes opening the same
// new file at once apply each step exactly once (the second waits, then finds them recorded).
import { OneNumberError } from '@onenumber/core';
import type { Database } from 'better-sqlite3';
import { migrationSql, migrationSteps, migrationsTable, type MigrationStep } from './sql';

export interface MigrationReport {
  /** Versions applied by this call (empty when the file was up to date). */
  applied: number[];
  /** The schema version of the file afterwards. */
  version: number;
}

export function migrate(
  db: Database,
  steps: readonly MigrationStep[] = migrationSteps,
  now = () => new Date().toISOString(),
): MigrationReport {
  const known = Math.max(0, ...steps.map((s) => s.version));
  const run = db.transaction((): MigrationReport => {
    db.exec(migrationsTable);
    const recorded = new Set(db.prepare<[], number>(migrationSql.appliedVersions).pluck().all());
    const newest = Math.max(0, ...recorded);
    if (newest > known) {
      throw new OneNumberError(
        'STORAGE_MISMATCH',
        `This database file has schema version ${newest}, newer than this server knows (${known}). Upgrade @onenumber/server.`,
      );
    }
    const applied: number[] = [];
    const record = db.prepare<[number, string, string]>(migrationSql.record);
    for (const step of [...steps].sort((a, b) => a.version - b.version)) {
      if (recorded.has(step.version)) continue;
      for (const statement of step.statements) db.exec(statement);
      record.run(step.version, step.name, now());
      applied.push(step.version);
    }
    return { applied, version: Math.max(newest, ...applied) };
  });
  return run.immediate();
}
