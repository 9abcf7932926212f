// R29: parked webhook deliveries (SQLite), a migration step of their own.
import type { MigrationStep } from '../../common/migrationStep';

export const parkedMigrationSteps: readonly MigrationStep[] = [
  {
    version: 30,
    name: 'parked webhook deliveries (R29)',
    statements: [
      // seq: arrival order. arrived_at: ms since the epoch (expiry).
      `CREATE TABLE parked_deliveries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        phone_number_id TEXT NOT NULL,
        body BLOB NOT NULL,
        size INTEGER NOT NULL,
        arrived_at INTEGER NOT NULL
      )`,
      `CREATE INDEX parked_by_number ON parked_deliveries (phone_number_id, seq)`,
      `CREATE INDEX parked_by_age ON parked_deliveries (arrived_at)`,
    ],
  },
];
