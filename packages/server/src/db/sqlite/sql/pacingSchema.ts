// Pacing per customer shared by the processes on one file (issue 19), a migration step of its own.
import type { MigrationStep } from '../../common/migrationStep';

export const pacingMigrationSteps: readonly MigrationStep[] = [
  {
    version: 50,
    name: 'pacing per customer shared by processes (pair rate)',
    statements: [
      // tat_ms: the pair's theoretical arrival time (ms since the epoch, the workers' clock);
      // granted: what the last reservation got (read back by RETURNING).
      `CREATE TABLE pair_pacing (number TEXT NOT NULL, customer TEXT NOT NULL, tat_ms INTEGER NOT NULL,
        granted INTEGER NOT NULL, PRIMARY KEY (number, customer)) WITHOUT ROWID`,
    ],
  },
];
