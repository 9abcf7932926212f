// The server's durable database: ServerDatabase (the contract the HTTP layer uses) on SQLite.
export { openSqliteDatabase, sqliteDatabaseOptionsSchema, type SqliteDatabaseOptions } from './sqlite/openSqliteDatabase';
export {
  outboxClaimSchema, outboxCompleteSchema, outboxFailSchema, phoneNumberIdSchema, principalSchema,
} from './shared/schemas';
export type { IssuedToken, Principal, ServerDatabase, StoredDirectory, TokenStore } from './ServerDatabase';
