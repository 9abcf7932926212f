// R29: parked webhook deliveries (PostgreSQL), as SQLite's (sqlite/sql/parkedSchema.ts).
import type { MigrationStep } from '../../common/migrationStep';

export const parkedMigrationSteps: readonly MigrationStep[] = [
  {
    version: 30,
    name: 'parked webhook deliveries (R29)',
    statements: [
      `CREATE TABLE parked_deliveries (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        phone_number_id text COLLATE "C" NOT NULL,
        body bytea NOT NULL,
        size integer NOT NULL,
        arrived_at bigint NOT NULL
      )`,
      `CREATE INDEX parked_by_number ON parked_deliveries (phone_number_id, seq)`,
      `CREATE INDEX parked_by_age ON parked_deliveries (arrived_at)`,
    ],
  },
];
