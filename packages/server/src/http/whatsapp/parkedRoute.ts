// R29: GET /v1/admin/whatsapp/parked (admin token): the deliveries parked for numbers no org owns
// yet, in arrival order, with when each expires; never their bytes (they hold message text).
import { parseInput } from '@onenumber/core/schemas';
import type { Hono } from 'hono';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { requireAdmin } from '../auth';
import { answerParsed } from '../routes/answer';
import type { AppEnv } from '../routes/context';
import { parkedListSchema, parkedQuerySchema } from './reportSchema';
import type { ResolvedWhatsApp } from './whatsAppOptions';

export function parkedRoute(app: Hono<AppEnv>, db: ServerDatabase, parking: ResolvedWhatsApp['parking']): void {
  app.get('/v1/admin/whatsapp/parked', async (c) => {
    requireAdmin(c.var.principal);
    const { limit } = parseInput(parkedQuerySchema, c.req.query(), 'query');
    const listed = db.parked ? await db.parked.list(limit) : { deliveries: [], count: 0, bytes: 0 };
    return answerParsed(c, parkedListSchema, {
      ...listed,
      deliveries: listed.deliveries.map((d) => ({
        ...d,
        expiresAt: new Date(Date.parse(d.arrivedAt) + parking.ttlMs).toISOString(),
      })),
      maxBytes: parking.maxBytes,
      ttlMs: parking.ttlMs,
    });
  });
}
