// R15, R20, R36: mounts the WhatsApp transport (issues 5, 18) on the server: the signed webhook
// outside /v1 when its secrets are known (one handler, its counters its own), the outbox worker
// when an access token or a transport is, GET /v1/media/{message} (an inbound file, streamed to
// a service that can see the message, never the token), and two admin routes, always
// registered: GET /v1/admin/whatsapp (what is on, and the counters) and POST
// /v1/admin/whatsapp/resume (after a 190 token error, optionally with a new token), and R29's
// GET /v1/admin/whatsapp/parked. The worker and the parked deliveries' sweep (expiry, and a
// release nothing else triggered) run between start() and stop(); startServer calls them, and
// stop() drains the worker before the database closes. Nothing here reports a secret or message text.
import { OneNumberError } from '@onenumber/core';
import type { OutboxWorker, OutboxWorkerCounters, WebhookCounters } from '@onenumber/whatsapp';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { requireAdmin } from '../auth';
import { answer, answerParsed, type SameShape } from '../routes/answer';
import { readBody, type AppEnv } from '../routes/context';
import { mediaRoute } from './mediaRoute';
import { parkedRoute } from './parkedRoute';
import { whatsAppReportSchema, whatsAppResumedSchema } from './reportSchema';
import { readReceipts, type ReceiptCounters } from './readReceipts';
import { createSender } from './sender';
import { createServerWebhook } from './webhookRoute';
import { resolveWhatsApp, type WhatsAppOptions } from './whatsAppOptions';

export const resumeWhatsAppSchema = z.object({ accessToken: z.string().trim().min(1).max(4096).optional() }).strict();

/** What GET /v1/admin/whatsapp answers: what is on, and its counters. Never a secret. */
export interface WhatsAppReport {
  webhook: ({ on: true; path: string } & WebhookCounters) | { on: false; why: string | null };
  sender:
    | {
        on: true;
        running: boolean;
        transport: string;
        graphUrl: string | null;
        apiVersion: string | null;
        rate: number;
        rates: Record<string, number>;
        paused: OutboxWorker['paused'];
        counters: OutboxWorkerCounters;
        queued: ReturnType<OutboxWorker['queued']>;
        receipts: ReceiptCounters;
      }
    | { on: false; why: string };
}

// The route parses the report with its schema: both name the same fields.
true satisfies SameShape<WhatsAppReport, z.output<typeof whatsAppReportSchema>>;

export interface WhatsAppMount {
  /** The webhook answers at /webhooks/whatsapp. */
  readonly webhook: boolean;
  /** The outbox worker sends replies. */
  readonly sender: boolean;
  /** What GET /v1/admin/whatsapp answers. */
  report(): WhatsAppReport;
  /**
   * R29: expires old parked deliveries and replays those whose number is owned now (the server
   * calls it after a connect or a number's registration). Never throws.
   */
  release(): Promise<void>;
  /** Starts the outbox worker (nothing when the sender is off) and the parked deliveries' sweep. */
  start(): void;
  /** Stops claiming, sends what it holds for up to `drainMs`, and waits for sends under way. */
  stop(options?: { drainMs?: number }): Promise<void>;
}

export function mountWhatsApp(
  app: Hono<AppEnv>,
  db: ServerDatabase,
  options: WhatsAppOptions | false | undefined,
): WhatsAppMount {
  const resolved = resolveWhatsApp(options);
  const webhook = resolved.webhook ? createServerWebhook(db, resolved.webhook, resolved.parking) : null;
  const sender = resolved.sender ? createSender(db, resolved) : null;
  db.sendReplies(sender !== null); // R38: replies are pending until the sender's provider accepts them
  const receipts = sender ? readReceipts(db, sender) : null;
  db.sendReceipts(receipts ? receipts.send : null); // R39: read receipts through the same sender
  let started = false;
  let sweep: ReturnType<typeof setInterval> | null = null;
  const release = async () => {
    try {
      await webhook?.release();
    } catch {
      // counted nowhere else: the next delivery of the number, or the next sweep, tries again
    }
  };

  // One handler: under node it reads the body from the request's own stream (c.env.nodeRequest).
  if (webhook) app.all('/webhooks/whatsapp', (c) => webhook(c.req.raw, c.env));
  mediaRoute(app, db, sender?.media ?? null);
  parkedRoute(app, db, resolved.parking);

  function report(): WhatsAppReport {
    return {
      webhook: webhook
        ? { on: true as const, path: '/webhooks/whatsapp', ...structuredClone(webhook.counters) }
        : { on: false as const, why: resolved.webhookOff },
      sender: sender
        ? {
            on: true as const,
            running: started,
            transport: sender.transport,
            graphUrl: sender.graphUrl,
            apiVersion: sender.apiVersion,
            rate: resolved.rate,
            rates: resolved.rates,
            paused: sender.worker.paused,
            counters: sender.worker.counters,
            queued: sender.worker.queued(),
            receipts: { ...receipts!.counters },
          }
        : { on: false as const, why: 'WHATSAPP_ACCESS_TOKEN not set' },
    };
  }

  app.get('/v1/admin/whatsapp', (c) => {
    requireAdmin(c.var.principal);
    return answerParsed(c, whatsAppReportSchema, report());
  });
  app.post('/v1/admin/whatsapp/resume', async (c) => {
    requireAdmin(c.var.principal);
    const { accessToken } = await readBody(c, resumeWhatsAppSchema);
    if (!sender)
      throw new OneNumberError(
        'NOT_SUPPORTED',
        'Sending is off on this server: set WHATSAPP_ACCESS_TOKEN and restart it.',
      );
    sender.resume(accessToken);
    return answer(c, whatsAppResumedSchema, { paused: sender.worker.paused });
  });

  return {
    webhook: webhook !== null,
    sender: sender !== null,
    report,
    release,
    start() {
      if (webhook && db.parked && !sweep) {
        sweep = setInterval(release, resolved.parkedSweepMs);
        sweep.unref?.();
      }
      if (!sender || started) return;
      started = true;
      sender.worker.start();
    },
    async stop(stopOptions = {}) {
      if (sweep) clearInterval(sweep);
      sweep = null;
      if (!sender || !started) return;
      started = false;
      await sender.worker.stop(stopOptions);
      await receipts?.settle();
    },
  };
}
