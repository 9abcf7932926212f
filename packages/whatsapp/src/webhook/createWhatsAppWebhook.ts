// R15, R27, R36, R37: the webhook as one fetch-style handler `(Request, env?) => Response`,
// mountable on any fetch server (hono: `app.all('/webhooks/whatsapp', (c) => webhook(c.req.raw,
// c.env))`), counting what it answers and stores in `webhook.counters` (one type). Under node,
// pass the request's IncomingMessage as `env.nodeRequest` (or `env.incoming`, as
// @hono/node-server does): the bytes are read from its stream, the fast path.
// GET: the subscription challenge. POST: signature over the raw bytes first (401, nothing parsed),
// then depth (R36: 400 past 64 levels, read from the bytes), JSON and shape (400, nothing stored),
// then `await ingest(batch)` (the caller stores durably), then 200. Every other field than
// `messages` (account, template, calls, smb_message_echoes, ...) is acknowledged and counted. If
// ingest throws (a storage failure): 500, so WhatsApp delivers again (nothing acknowledged that
// was not stored; a redelivery is deduped on the wamid, R15). With `parking` (R29, parking.ts), a
// delivery for a number no org owns yet is parked and answered 200 (503 when the park is full),
// and a delivery for a number with parked deliveries waits until they are replayed.
import { OneNumberError, type ErrorCode } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { jsonNestingExceeds } from '@onenumber/core/storage-kit';
import { z } from 'zod';
import { normaliseWebhook, type WebhookBatch } from './normaliseWebhook';
import { createParking, parkingDefaults, phoneNumberIdsOf, type ParkedStore, type Parking } from './parking';
import { webhookPayloadSchema } from './payloadSchema';
import { BodyTooLarge, readBody, type NodeBodySource } from './readBody';
import { sameSecret, signatureHeader, verifyWebhookSignature } from './signature';
import { webhookLimits } from './webhookBounds';
import { addCounts, countField, emptyWebhookCounters, type WebhookCounters } from './webhookCounters';

/** Where a node server's request stream may be found (either name). */
export interface WebhookEnv {
  nodeRequest?: NodeBodySource;
  incoming?: NodeBodySource;
}

export type WebhookHandler = (request: Request, env?: WebhookEnv | unknown) => Promise<Response>;

/** The handler, with what it counted and the body limit it applies. */
export interface WhatsAppWebhook extends WebhookHandler {
  readonly counters: WebhookCounters;
  readonly maxBodyBytes: number;
  /**
   * R29: expires old parked deliveries, then replays those whose number is owned now (call it
   * when a number is registered or connected). Nothing without `parking`.
   */
  release(): Promise<void>;
}

/** Stores the batch; an IngestReport it returns (ingestInto's) is added into the counters. */
export type Ingest = (batch: WebhookBatch) => Promise<unknown> | unknown;

export const whatsAppWebhookOptionsSchema = z.object({
  /** The Meta app's secret (env WHATSAPP_APP_SECRET): signs every POST. */
  appSecret: z.string().min(1, 'the app secret is required (env WHATSAPP_APP_SECRET)'),
  /** The token typed into the Meta app's webhook settings (env WHATSAPP_VERIFY_TOKEN). */
  verifyToken: z.string().min(1, 'the verify token is required (env WHATSAPP_VERIFY_TOKEN)'),
  /** Stores the batch durably; the handler answers 200 only after it resolves. */
  ingest: z.custom<Ingest>((v) => typeof v === 'function', 'ingest must be a function'),
  /** Larger bodies are refused with 413 (R36: 4 MiB by default, above WhatsApp's 3 MB). */
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(webhookLimits.bytes),
  /**
   * R29: park deliveries for numbers no org owns yet (ingest must be ingestInto's with
   * `unroutable: 'park'`): where, for how long (default 7 days), and how many bytes in all.
   */
  parking: z
    .object({
      store: z.custom<ParkedStore>((v) => typeof v === 'object' && v !== null, 'a ParkedStore'),
      ttlMs: z.number().int().min(1).default(parkingDefaults.ttlMs),
      maxBytes: z.number().int().min(1).default(parkingDefaults.maxBytes),
      now: z.custom<() => number>((v) => typeof v === 'function', 'a function').default(() => Date.now),
    })
    .optional(),
  /** Told when ingest fails (the handler then answers 500). Never given message text by us. */
  onError: z.custom<(error: unknown) => void>((v) => typeof v === 'function').optional(),
});

export type WhatsAppWebhookOptions = z.input<typeof whatsAppWebhookOptionsSchema>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

const refuse = (status: number, code: ErrorCode, message: string, headers?: Record<string, string>) =>
  json(status, new OneNumberError(code, message).toJSON(), headers);

const nodeBodyOf = (env: unknown): NodeBodySource | undefined =>
  env && typeof env === 'object' ? ((env as WebhookEnv).nodeRequest ?? (env as WebhookEnv).incoming) : undefined;

const errorLabel = (error: unknown): string =>
  OneNumberError.isInstance(error) ? error.code : ((error as Error | null)?.name ?? 'unknown').slice(0, 40);

export function createWhatsAppWebhook(options: WhatsAppWebhookOptions): WhatsAppWebhook {
  const {
    appSecret,
    verifyToken,
    ingest,
    maxBodyBytes,
    onError,
    parking: parkingOptions,
  } = parseInput(whatsAppWebhookOptionsSchema, options, 'options');
  const counters = emptyWebhookCounters();
  const parking: Parking | null = parkingOptions ? createParking(parkingOptions, counters.parked, decode) : null;

  /** A stored delivery's bytes as a batch (parked bytes were read once already: they parse). */
  function decode(body: Uint8Array): WebhookBatch {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return normaliseWebhook(parseInput(webhookPayloadSchema, parsed, 'payload'));
  }

  /** Ingests and counts; answers the phone_number_ids no org owns yet. */
  async function ingestCounted(batch: WebhookBatch): Promise<string[]> {
    const outcome = (await ingest(batch)) as { unowned?: unknown } | undefined;
    addCounts(counters, outcome);
    const unowned = outcome?.unowned;
    if (Array.isArray(unowned) && unowned.length) {
      if (!parking) throw new OneNumberError('NOT_CONNECTED', 'A number no org owns yet, and nothing parks.');
      return unowned as string[];
    }
    return [];
  }
  const replay = async (batch: WebhookBatch) => (await ingestCounted(batch)).length > 0;

  /** Stores the delivery (R29: parking what no org owns yet); false when the park is full. */
  async function store(batch: WebhookBatch, body: Uint8Array): Promise<boolean> {
    if (!parking) {
      await ingestCounted(batch);
      return true;
    }
    const ids = phoneNumberIdsOf(batch);
    if (await parking.mustWait(ids))
      return parking.afterParked(ids, replay, async () => {
        const unowned = await ingestCounted(batch);
        return unowned.length ? parking.parkHeld(unowned, body) : true;
      });
    const unowned = await ingestCounted(batch);
    return unowned.length ? parking.park(unowned, body, replay) : true;
  }

  function challenge(request: Request): Response {
    const query = new URL(request.url).searchParams;
    const token = query.get('hub.verify_token') ?? '';
    const answer = query.get('hub.challenge');
    if (
      query.get('hub.mode') === 'subscribe' &&
      answer !== null &&
      answer.length <= 4096 &&
      sameSecret(token, verifyToken)
    ) {
      counters.challenges++;
      return new Response(answer, {
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
      });
    }
    counters.challengesRefused++;
    return refuse(
      403,
      'UNAUTHORIZED',
      'The verify token does not match WHATSAPP_VERIFY_TOKEN (or hub.mode is not "subscribe").',
    );
  }

  const invalid = (status: 400 | 413, message: string) => {
    counters.invalid++;
    return refuse(status, 'INVALID_INPUT', message);
  };

  async function deliver(body: Uint8Array, signature: string | null): Promise<Response> {
    if (!verifyWebhookSignature(body, signature, appSecret)) {
      counters.unauthorized++;
      return refuse(
        401,
        'UNAUTHORIZED',
        'The X-Hub-Signature-256 header is missing or does not match the body. Check WHATSAPP_APP_SECRET.',
      );
    }
    if (jsonNestingExceeds(body, webhookLimits.depth))
      return invalid(
        400,
        `The body is nested deeper than ${webhookLimits.depth} levels (R36); a WhatsApp delivery is far shallower.`,
      );
    let batch: WebhookBatch;
    try {
      batch = decode(body);
    } catch (error) {
      counters.invalid++;
      if (OneNumberError.isInstance(error)) return json(400, error.toJSON());
      return refuse(400, 'INVALID_INPUT', 'The body is not JSON.');
    }
    try {
      if (!(await store(batch, body)))
        return refuse(
          503,
          'STORAGE_UNAVAILABLE',
          'Too many deliveries are parked for numbers no org owns yet (R29). WhatsApp will deliver it again.',
          { 'retry-after': '60' },
        );
    } catch (error) {
      counters.failed++;
      counters.lastFailure = errorLabel(error);
      onError?.(error);
      return refuse(500, 'INTERNAL', 'The delivery could not be stored. WhatsApp will deliver it again.');
    }
    for (const change of batch.other) countField(counters, change.field);
    counters.accepted++;
    return json(200, { ok: true, messages: batch.messages.length, statuses: batch.statuses.length });
  }

  const handler = async (request: Request, env?: unknown): Promise<Response> => {
    if (request.method === 'GET') return challenge(request);
    if (request.method !== 'POST')
      return refuse(405, 'NOT_FOUND', 'Use GET for the subscription challenge and POST for deliveries.', {
        allow: 'GET, POST',
      });
    let body: Uint8Array;
    try {
      body = await readBody(request, maxBodyBytes, nodeBodyOf(env));
    } catch (error) {
      if (error instanceof BodyTooLarge) return invalid(413, `The body is larger than ${maxBodyBytes} bytes.`);
      throw error;
    }
    return deliver(body, request.headers.get(signatureHeader));
  };
  const release = async () => {
    if (parking) await parking.release(replay);
  };
  return Object.assign(handler, { counters, maxBodyBytes, release });
}
