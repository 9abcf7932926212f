// The server's durable database: ServerDatabase (the contract the HTTP layer uses) on SQLite (one
// machine) or PostgreSQL (several replicas on one database).
export {
  openSqliteDatabase,
  sqliteDatabaseOptionsSchema,
  type SqliteDatabaseOptions,
} from './sqlite/openSqliteDatabase';
export {
  migratePostgres,
  openPostgresDatabase,
  postgresDatabaseOptionsSchema,
  type PostgresDatabaseOptions,
} from './postgres/openPostgresDatabase';
export type { PostgresMigrationReport } from './postgres/migrate';
export {
  describeDatabase,
  isPostgresUrl,
  migrateDatabase,
  openDatabase,
  type MigrationOutcome,
  type OpenDatabaseOptions,
} from './openDatabase';
export {
  outboxClaimSchema,
  outboxCompleteSchema,
  outboxFailSchema,
  phoneNumberIdSchema,
  principalSchema,
} from './common/schemas';
/** R36: reads that left out a stored value they could not decode, by kind; for /health or the admin report. */
export { unreadableReads, type UnreadableKind, type UnreadableReads } from './common/unreadable';
export type {
  ChannelMembership,
  IssuedToken,
  Principal,
  ServerDatabase,
  StoredDirectory,
  TokenStore,
} from './ServerDatabase';
