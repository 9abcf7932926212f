// Pacing per customer shared by every replica (issue 19), a migration step of its own.
import type { MigrationStep } from '../../common/migrationStep';

export const pacingMigrationSteps: readonly MigrationStep[] = [
  {
    version: 50,
    name: 'pacing per customer shared by replicas (pair rate)',
    statements: [
      // As in SQLite's step 50: the pair's theoretical arrival time, and the last reservation's answer.
      `CREATE TABLE pair_pacing (number text COLLATE "C" NOT NULL, customer text COLLATE "C" NOT NULL,
        tat_ms bigint NOT NULL, granted boolean NOT NULL, PRIMARY KEY (number, customer))`,
    ],
  },
];
