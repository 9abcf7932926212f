// R39's tables (PostgreSQL), a migration step of their own (version 40), as on SQLite: each
// service's read marker per conversation, and the last inbound message a read receipt went out for.
import type { MigrationStep } from '../../common/migrationStep';

export const readMigrationSteps: readonly MigrationStep[] = [
  {
    version: 40,
    name: 'read markers and read receipts (R39)',
    statements: [
      `CREATE TABLE read_markers (
        conversation text NOT NULL REFERENCES conversations (id),
        service text NOT NULL,
        pos bigint NOT NULL,
        at text NOT NULL,
        PRIMARY KEY (conversation, service)
      )`,
      `CREATE TABLE read_receipts (
        conversation text PRIMARY KEY REFERENCES conversations (id),
        pos bigint NOT NULL,
        at text NOT NULL
      )`,
    ],
  },
];
