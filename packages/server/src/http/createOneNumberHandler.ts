// The OneNumber server as a fetch handler (hono), mountable in any framework that speaks fetch:
// ChannelStorage routes (mirrored by @onenumber/storage-http), the directory, admin routes,
// Server-Sent Events, /health and /openapi.json, and the WhatsApp transport (the signed webhook at
// /webhooks/whatsapp, the outbox worker; see whatsapp/mountWhatsApp.ts). Nothing a client sends can crash it: every
// failure is an error body (R27), and an unexpected one is 500 INTERNAL with no internals.
import type { IncomingMessage } from 'node:http';
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { storageSpecificationVersion } from '@onenumber/core/storage-kit';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerDatabase } from '../db/ServerDatabase';
import { createAuthenticator, refusalOf, requireScope } from './auth';
import { errorLabel, errorResponse, toPublicError } from './errors';
import { createGuards } from './guards';
import { jsonLineLogger, type RequestLog, type RequestLogger } from './logger';
import { openApiDocument } from './openapi';
import { answer } from './routes/answer';
import { readBody, type AppEnv } from './routes/context';
import { directoryRoutes } from './routes/directoryRoutes';
import { eventsRoute } from './routes/eventsRoute';
import { reportRoute } from './routes/reportRoute';
import { tokenRoutes } from './routes/tokenRoutes';
import { capabilitiesOf, storageRoutes } from './routes/storageRoutes';
import { healthSchema } from './schemas/health';
import { jsonLineSecurityLogger, safeLogger, type SecurityLogger } from './security/securityLog';
import { createTokenSessions } from './security/tokenSessions';
import { mountWhatsApp, type WhatsAppMount } from './whatsapp/mountWhatsApp';
import { mountPush, type PushMount } from './push/mountPush';
import type { PushOptions } from '../push/pushOptions';
import type { WhatsAppOptions } from './whatsapp/whatsAppOptions';

/** R35: a request whose body took longer than this to arrive has its token checked again before it runs. */
const recheckAfterMs = 250;

const isDatabase = (v: unknown): v is ServerDatabase =>
  typeof v === 'object' &&
  v !== null &&
  ['storage', 'directory', 'tokens', 'outbox'].every((k) => typeof (v as Record<string, unknown>)[k] === 'object') &&
  typeof (v as Record<string, unknown>).membershipInChannel === 'function';

export const handlerOptionsSchema = z.object({
  db: z.custom<ServerDatabase>(isDatabase, 'a ServerDatabase (openSqliteDatabase)'),
  /** The admin token (at least 16 characters); env ONENUMBER_ADMIN_TOKEN when not given. Service tokens are issued with it. */
  adminToken: z
    .string({ error: 'set ONENUMBER_ADMIN_TOKEN or pass adminToken' })
    .min(16, 'the admin token has at least 16 characters')
    .max(512),
  logger: z.custom<RequestLogger>((v) => typeof v === 'function', 'a function').optional(),
  /** Security events (R35: tokens issued, rotated, revoked, expired; streams they opened ended): one JSON line each on stderr by default. */
  securityLogger: z.custom<SecurityLogger>((v) => typeof v === 'function', 'a function').optional(),
  /** Comment lines on idle event streams, so proxies keep them open. */
  heartbeatMs: z.number().int().min(10).max(600_000).default(15_000),
  /** The largest request body accepted, in bytes. */
  maxBodyBytes: z.number().int().min(1024).default(1_048_576),
  /**
   * The WhatsApp transport: each option defaults from its WHATSAPP_* variable (whatsAppOptionsSchema),
   * so with none given the environment decides; `false` turns it off whatever the environment says.
   */
  whatsapp: z
    .union([
      z.literal(false),
      z.custom<WhatsAppOptions>((v) => typeof v === 'object' && v !== null, 'WhatsApp options or false'),
    ])
    .optional(),
  /** R34: push delivery (subscriptions, the delivery worker): which endpoints it may reach, timeouts, retries. */
  push: z.custom<PushOptions>((v) => typeof v === 'object' && v !== null, 'push options').optional(),
});
export type HandlerOptions = Omit<z.input<typeof handlerOptionsSchema>, 'adminToken'> & {
  adminToken?: string | undefined;
};

/** The admin token falls back to the environment (ONENUMBER_ADMIN_TOKEN). */
export const withAdminToken = <T extends { adminToken?: string | undefined }>(options: T): T => ({
  ...options,
  adminToken: options.adminToken ?? (typeof process === 'undefined' ? undefined : process.env.ONENUMBER_ADMIN_TOKEN),
});

export interface OneNumberHandler {
  /**
   * The fetch handler: `(request) => Promise<Response>`. startServer also passes the node request
   * (`{ nodeRequest }`), whose body is then read from its stream directly; when mounting the
   * handler elsewhere, leave it out.
   */
  fetch: (request: Request, bindings?: { nodeRequest?: IncomingMessage }) => Promise<Response>;
  app: Hono<AppEnv>;
  /** Requests being answered now (event streams excluded once open). */
  readonly inFlight: number;
  /** Ends every open event stream (graceful shutdown); clients reconnect with Last-Event-ID. */
  closeStreams(): void;
  /**
   * The WhatsApp transport: whether the webhook and the sender are on, and the outbox worker's
   * start() and stop(). startServer runs it; when you mount the handler yourself, call start()
   * once listening and `await stop()` before closing the database.
   */
  whatsapp: WhatsAppMount;
  /** R34: push delivery's worker; startServer runs it (start() once listening, `await stop()` before closing the database). */
  push: PushMount;
}

export function createOneNumberHandler(options: HandlerOptions): OneNumberHandler {
  const {
    db,
    adminToken,
    logger = jsonLineLogger,
    securityLogger = jsonLineSecurityLogger,
    heartbeatMs,
    maxBodyBytes,
    whatsapp: whatsappOptions,
    push: pushOptions,
  } = parseInput(handlerOptionsSchema, withAdminToken(options), 'options');
  const logSecurity = safeLogger(securityLogger);
  const sessions = createTokenSessions(db.tokens, logSecurity);
  const authenticate = createAuthenticator(adminToken, db.tokens, (check) =>
    sessions.noteExpired(check.id, check.principal, check.at),
  );
  const guards = createGuards(db);
  const streams = new Set<() => void>();
  const app = new Hono<AppEnv>();
  let inFlight = 0;

  app.use('*', async (c, next) => {
    const started = performance.now();
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
      try {
        c.res.headers.set('onenumber-storage-version', String(storageSpecificationVersion));
      } catch {
        // a response with immutable headers (none of ours) goes out without it
      }
      const principal = c.get('principal');
      const entry: RequestLog = {
        method: c.req.method,
        path: c.req.path.slice(0, 200),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      };
      if (principal?.kind === 'service') Object.assign(entry, { org: principal.org, service: principal.service });
      if (c.error) entry.error = errorLabel(c.error);
      try {
        logger(entry);
      } catch {
        // a failing logger never fails a request
      }
    }
  });
  app.onError((error) => errorResponse(toPublicError(error)));
  app.notFound(() =>
    errorResponse(new OneNumberError('NOT_FOUND', 'Nothing is served at this path. See GET /openapi.json.')),
  );

  let whatsapp: WhatsAppMount | undefined;
  app.get('/health', (c) =>
    answer(c, healthSchema, {
      ok: true,
      specificationVersion: storageSpecificationVersion,
      dialect: db.dialect,
      capabilities: capabilitiesOf(db.storage),
      whatsapp: { webhook: whatsapp?.webhook ?? false, sender: whatsapp?.sender ?? false },
    }),
  );
  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.use('/v1/*', async (c, next) => {
    c.set('maxBodyBytes', maxBodyBytes);
    const { principal, grant } = await authenticate(c.req.header('authorization'));
    c.set('principal', principal);
    c.set('grant', grant);
    const checkedAt = Date.now();
    // R35: a body that took longer than this to arrive, or a grant that ended meanwhile, is checked again.
    c.set('recheck', async () => {
      if (!grant) return;
      const ended = grant.validUntil !== null && Date.parse(grant.validUntil) <= Date.now();
      if (!ended && Date.now() - checkedAt < recheckAfterMs) return;
      const check = await db.tokens.checkHash(grant.hash);
      if (check.ok) return;
      if (check.reason === 'expired') sessions.noteExpired(check.id, check.principal, check.at);
      throw refusalOf(check);
    });
    await next();
  });

  // R29: a connect or a number's registration may make parked webhook deliveries routable.
  for (const path of ['/v1/storage/connect', '/v1/admin/numbers'])
    app.use(path, async (c, next) => {
      await next();
      if (c.res.status < 300) await whatsapp?.release();
    });

  for (const route of storageRoutes) {
    app.post(`/v1/storage/${route.method}`, async (c) => {
      const input = (await readBody(c, route.schema)) as { org?: unknown; service?: unknown };
      requireScope(c.var.principal, input);
      return c.json((await route.run(db.storage, guards, input as never, c.var.principal)) ?? null);
    });
  }

  eventsRoute(app, db, { heartbeatMs, streams, sessions });
  directoryRoutes(app, db);
  tokenRoutes(app, db, logSecurity);
  reportRoute(app, sessions);
  whatsapp = mountWhatsApp(app, db, whatsappOptions);
  const push = mountPush(app, db, pushOptions);

  return {
    fetch: async (request, bindings) => app.fetch(request, bindings),
    app,
    get inFlight() {
      return inFlight;
    },
    closeStreams() {
      for (const end of [...streams]) end();
    },
    whatsapp,
    push,
  };
}
