// R39's tables (SQLite), a migration step of their own (version 40): each service's read marker
// per conversation, and the last inbound message a read receipt went out for.
import type { MigrationStep } from '../../common/migrationStep';

export const readMigrationSteps: readonly MigrationStep[] = [
  {
    version: 40,
    name: 'read markers and read receipts (R39)',
    statements: [
      `CREATE TABLE read_markers (
        conversation TEXT NOT NULL REFERENCES conversations (id),
        service TEXT NOT NULL,
        pos INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (conversation, service)
      )`,
      `CREATE TABLE read_receipts (
        conversation TEXT PRIMARY KEY REFERENCES conversations (id),
        pos INTEGER NOT NULL,
        at TEXT NOT NULL
      )`,
    ],
  },
];
