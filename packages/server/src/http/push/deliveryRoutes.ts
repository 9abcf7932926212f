// R34: replay and inspection. A subscription's delivery log (attempts, last status and error,
// latency; pending, delivered and dead-lettered), redelivery of one event, or of every event of
// the service's stream after an event id (the subscription's filter still applies), through the
// service's own token or the admin's; and GET /v1/admin/push: this process's worker counters and
// the queue per subscription.
import { parseInput } from '@onenumber/core/schemas';
import type { Hono } from 'hono';
import type { ServerDatabase } from '../../db/ServerDatabase';
import type { PushWorker } from '../../push/worker';
import { requireAdmin } from '../auth';
import { answerParsed } from '../routes/answer';
import { readBody, type AppEnv } from '../routes/context';
import { ownSubscription, pushStoreOf, subscriptionId } from './access';
import {
  deliveryQuerySchema,
  pushDeliverySchema,
  pushReportSchema,
  redeliveredSchema,
  redeliverSchema,
  replayedSchema,
  replaySchema,
} from './pushSchemas';

const base = '/v1/push/subscriptions/:id';

export function deliveryRoutes(app: Hono<AppEnv>, db: ServerDatabase, worker: () => PushWorker | null): void {
  app.get(`${base}/deliveries`, async (c) => {
    const push = pushStoreOf(db);
    const id = subscriptionId(c.req.param('id'));
    await ownSubscription(push, c.var.principal, id);
    const query = parseInput(deliveryQuerySchema, c.req.query(), 'query');
    return answerParsed(c, pushDeliverySchema.array(), await push.deliveries(id, query));
  });

  app.post(`${base}/redeliver`, async (c) => {
    const push = pushStoreOf(db);
    const id = subscriptionId(c.req.param('id'));
    await ownSubscription(push, c.var.principal, id);
    const { event } = await readBody(c, redeliverSchema);
    const queued = await push.redeliver(id, Number(event));
    if (queued) worker()?.wake();
    return answerParsed(c, redeliveredSchema, { queued });
  });

  app.post(`${base}/replay`, async (c) => {
    const push = pushStoreOf(db);
    const id = subscriptionId(c.req.param('id'));
    await ownSubscription(push, c.var.principal, id);
    const { after, limit } = await readBody(c, replaySchema);
    const replayed = await push.replay(id, Number(after), limit);
    if (replayed.queued) worker()?.wake();
    return answerParsed(c, replayedSchema, replayed);
  });

  app.get('/v1/admin/push', async (c) => {
    requireAdmin(c.var.principal);
    const push = pushStoreOf(db);
    const figures = await push.figures();
    const bySubscription = new Map<
      string,
      { subscription: string; pending: number; delivered: number; dead: number; oldestPendingAt: string | null }
    >();
    for (const f of figures) {
      const entry = bySubscription.get(f.subscription) ?? {
        subscription: f.subscription,
        pending: 0,
        delivered: 0,
        dead: 0,
        oldestPendingAt: null,
      };
      entry[f.state] = f.count;
      if (f.state === 'pending') entry.oldestPendingAt = f.oldestQueuedAt;
      bySubscription.set(f.subscription, entry);
    }
    const w = worker();
    return answerParsed(c, pushReportSchema, {
      worker: {
        running: w?.running ?? false,
        id: w?.id ?? null,
        inFlight: w?.inFlight ?? 0,
        counters: w
          ? { ...w.counters }
          : {
              claimed: 0,
              reclaimed: 0,
              delivered: 0,
              failedAttempts: 0,
              retried: 0,
              deadLettered: 0,
              gone: 0,
              refused: 0,
            },
      },
      queue: [...bySubscription.values()].sort((a, b) => a.subscription.localeCompare(b.subscription)),
    });
  });
}
