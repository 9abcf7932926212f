// A schema migration step, as both dialects version their schema in code (sqlite/sql/schema.ts,
// postgres/sql/schema.ts): never edit a released step, add one.
export interface MigrationStep {
  version: number;
  name: string;
  statements: readonly string[];
}
