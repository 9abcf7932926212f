// @onenumber/server: the ChannelStorage interface over HTTP on durable storage, with the
// directory, scoped tokens and real-time events.
export {
  createOneNumberHandler,
  handlerOptionsSchema,
  type HandlerOptions,
  type OneNumberHandler,
} from './http/createOneNumberHandler';
export { whatsAppOptionsSchema, type WhatsAppOptions } from './http/whatsapp/whatsAppOptions';
export { resumeWhatsAppSchema, type WhatsAppMount, type WhatsAppReport } from './http/whatsapp/mountWhatsApp';
export type { WebhookCounters } from './http/whatsapp/webhookRoute';
export { startServer, serverOptionsSchema, type RunningServer, type ServerOptions } from './http/startServer';
export { statusOf } from './http/errors';
export { jsonLineLogger, silentLogger, type RequestLog, type RequestLogger } from './http/logger';
export { openApiDocument } from './http/openapi';
export { storageRoutes } from './http/routes/storageRoutes';
export * from './http/schemas/records';
export { issueTokenSchema, numberAdminSchema } from './http/schemas/admin';
export { openSqliteDatabase, sqliteDatabaseOptionsSchema, type SqliteDatabaseOptions } from './db';
export {
  describeDatabase,
  isPostgresUrl,
  migrateDatabase,
  openDatabase,
  type MigrationOutcome,
  type OpenDatabaseOptions,
} from './db';
export {
  migratePostgres,
  openPostgresDatabase,
  postgresDatabaseOptionsSchema,
  type PostgresDatabaseOptions,
} from './db';
export type {
  ChannelMembership,
  IssuedToken,
  Principal,
  ServerDatabase,
  StoredDirectory,
  TokenStore,
} from './db/ServerDatabase';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './db/postgres/embeddedPostgres';
