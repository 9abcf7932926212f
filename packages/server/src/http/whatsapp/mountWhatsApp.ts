// Mounts the WhatsApp transport (issue 5) on the server: the signed webhook outside /v1 when its
// secrets are known, the outbox worker when an access token or a transport is, and two admin
// routes, always registered: GET /v1/admin/whatsapp (what is on, and the counters) and POST
// /v1/admin/whatsapp/resume (after a 190 token error, optionally with a new token). The worker
// runs between start() and stop(); startServer calls them, and stop() drains it before the
// database closes. Nothing here reports a secret or message text.
import { OneNumberError } from '@onenumber/core';
import type { OutboxWorker, OutboxWorkerCounters } from '@onenumber/whatsapp';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { requireAdmin } from '../auth';
import { answer, answerParsed, type SameShape } from '../routes/answer';
import { readBody, readBytes, type AppEnv } from '../routes/context';
import { whatsAppReportSchema, whatsAppResumedSchema } from '../schemas/whatsapp';
import { createSender } from './sender';
import { createWebhookRoute, type WebhookCounters } from './webhookRoute';
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
  /** Starts the outbox worker (nothing when the sender is off). */
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
  const webhook = resolved.webhook ? createWebhookRoute(db, resolved.webhook) : null;
  const sender = resolved.sender ? createSender(db, resolved) : null;
  let started = false;

  if (webhook) {
    app.post('/webhooks/whatsapp', async (c) => {
      let body: Uint8Array;
      try {
        body = await readBytes(c, webhook.maxBodyBytes);
      } catch (error) {
        if (!OneNumberError.isInstance(error)) throw error;
        return webhook.refuse(
          new Response(JSON.stringify(error.toJSON()), {
            status: 413,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      }
      return webhook.deliver(body, c.req.header('x-hub-signature-256') ?? null);
    });
    app.all('/webhooks/whatsapp', (c) => webhook.fetch(c.req.raw));
  }

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
    start() {
      if (!sender || started) return;
      started = true;
      sender.worker.start();
    },
    async stop(stopOptions = {}) {
      if (!sender || !started) return;
      started = false;
      await sender.worker.stop(stopOptions);
    },
  };
}
