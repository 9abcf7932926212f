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
/** R34: push delivery: its options (and the variables that may set them), its mount, its records. */
export {
  pushOptionsSchema,
  pushVariables,
  type PushLog,
  type PushLogger,
  type PushOptions,
  type Resolver,
} from './push/pushOptions';
export type { PushMount } from './http/push/mountPush';
export type { PushCounters } from './push/counters';
export type { PushDelivery, PushSubscription, PushStore } from './db/common/pushTypes';
export { startServer, serverOptionsSchema, type RunningServer, type ServerOptions } from './http/startServer';
export { statusOf } from './http/errors';
export { jsonLineLogger, silentLogger, type RequestLog, type RequestLogger } from './http/logger';
export {
  jsonLineSecurityLogger,
  type EndReason,
  type SecurityEventName,
  type SecurityLog,
  type SecurityLogger,
} from './http/security/securityLog';
export {
  serverLimitVariables,
  serverLimitsFromEnv,
  serverLimitsSchema,
  type ServerLimits,
} from './http/serverLimits';
export { openApiDocument } from './http/openapi';
export { storageRoutes } from './http/routes/storageRoutes';
export * from './http/schemas/records';
export {
  defaultGraceSeconds,
  directoryContentsSchema,
  issueTokenSchema,
  numberAdminSchema,
  rotateTokenSchema,
} from './http/schemas/admin';
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
  ListedToken,
  Principal,
  RotatedToken,
  ServerDatabase,
  StoredDirectory,
  TokenChangeListener,
  TokenCheck,
  TokenEnded,
  TokenGrant,
  TokenStore,
} from './db/ServerDatabase';
/** R36: reads that left out a stored value they could not decode, by kind (also GET /v1/admin/report). */
export { unreadableReads, type UnreadableKind, type UnreadableReads } from './db';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded/embeddedPostgres';
