// GET /v1/events: a service token streams its own events; the admin names ?org=&service=. A
// stream opened with a stored token is held under it (R35), so it ends when the token does.
import { parseInput } from '@onenumber/core/schemas';
import type { Hono } from 'hono';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { requireScope } from '../auth';
import { eventQuerySchema } from '../schemas/records';
import type { TokenSessions } from '../security/tokenSessions';
import type { AppEnv } from './context';
import { eventStreamResponse, type StreamRegistry } from './eventStream';

export function eventsRoute(
  app: Hono<AppEnv>,
  db: ServerDatabase,
  options: { heartbeatMs: number; streams: StreamRegistry; sessions: TokenSessions },
): void {
  app.get('/v1/events', (c) => {
    const principal = c.var.principal;
    const own = principal.kind === 'service' ? principal : { org: undefined, service: undefined };
    const raw = {
      org: c.req.query('org') ?? own.org,
      service: c.req.query('service') ?? own.service,
      after: c.req.header('last-event-id') || c.req.query('after') || undefined,
    };
    const query = parseInput(eventQuerySchema, raw, 'query');
    requireScope(principal, query);
    const grant = c.var.grant;
    return eventStreamResponse({
      storage: db.storage,
      query,
      heartbeatMs: options.heartbeatMs,
      registry: options.streams,
      ...(grant ? { hold: (end) => options.sessions.hold(grant, end) } : {}),
    });
  });
}
