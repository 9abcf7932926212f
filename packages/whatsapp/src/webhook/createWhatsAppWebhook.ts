// The webhook as a fetch-style handler `(Request) => Promise<Response>`, mountable in any HTTP
// framework (hono: `app.all('/webhooks/whatsapp', (c) => handler(c.req.raw))`).
// GET: the subscription challenge. POST: signature over the raw bytes first (401, nothing parsed),
// then depth (R36: 400 past 64 levels, read from the bytes), JSON and shape (400, nothing stored),
// then `await ingest(batch)` (the caller stores
// durably), then 200. If ingest throws: 500, so WhatsApp delivers again (nothing acknowledged
// that was not stored; redelivery is deduped on the wamid, R15).
import { OneNumberError, jsonNestingExceeds, parseInput, type ErrorCode } from '@onenumber/core';
import { z } from 'zod';
import { normaliseWebhook, type WebhookBatch } from './normaliseWebhook';
import { webhookPayloadSchema } from './payloadSchema';
import { sameSecret, signatureHeader, verifyWebhookSignature } from './signature';
import { webhookLimits } from './webhookBounds';

export type WebhookHandler = (request: Request) => Promise<Response>;

/** The handler, and the POST step alone for a server that reads the body bytes itself. */
export interface WhatsAppWebhook extends WebhookHandler {
  /** A delivery's raw bytes and its X-Hub-Signature-256 header: the same checks and answers as a POST. */
  deliver(body: Uint8Array, signature: string | null): Promise<Response>;
}
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

function challenge(request: Request, verifyToken: string): Response {
  const query = new URL(request.url).searchParams;
  const mode = query.get('hub.mode');
  const token = query.get('hub.verify_token') ?? '';
  const answer = query.get('hub.challenge');
  if (mode === 'subscribe' && answer !== null && answer.length <= 4096 && sameSecret(token, verifyToken)) {
    return new Response(answer, {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    });
  }
  return refuse(
    403,
    'UNAUTHORIZED',
    'The verify token does not match WHATSAPP_VERIFY_TOKEN (or hub.mode is not "subscribe").',
  );
}

export function createWhatsAppWebhook(options: WhatsAppWebhookOptions): WhatsAppWebhook {
  const { appSecret, verifyToken, ingest, maxBodyBytes, onError } = parseInput(
    whatsAppWebhookOptionsSchema,
    options,
    'options',
  );
  const tooLarge = () => refuse(413, 'INVALID_INPUT', `The body is larger than ${maxBodyBytes} bytes.`);

  async function deliver(body: Uint8Array, signature: string | null): Promise<Response> {
    if (body.byteLength > maxBodyBytes) return tooLarge();
    if (!verifyWebhookSignature(body, signature, appSecret)) {
      return refuse(
        401,
        'UNAUTHORIZED',
        'The X-Hub-Signature-256 header is missing or does not match the body. Check WHATSAPP_APP_SECRET.',
      );
    }

    if (jsonNestingExceeds(body, webhookLimits.depth)) {
      return refuse(
        400,
        'INVALID_INPUT',
        `The body is nested deeper than ${webhookLimits.depth} levels (R36); a WhatsApp delivery is far shallower.`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      return refuse(400, 'INVALID_INPUT', 'The body is not JSON.');
    }
    let batch: WebhookBatch;
    try {
      batch = normaliseWebhook(parseInput(webhookPayloadSchema, parsed, 'payload'));
    } catch (error) {
      if (OneNumberError.isInstance(error)) return json(400, error.toJSON());
      throw error;
    }

    try {
      await ingest(batch);
    } catch (error) {
      onError?.(error);
      return refuse(500, 'INTERNAL', 'The delivery could not be stored. WhatsApp will deliver it again.');
    }
    return json(200, { ok: true, messages: batch.messages.length, statuses: batch.statuses.length });
  }

  const handler = async (request: Request): Promise<Response> => {
    if (request.method === 'GET') return challenge(request, verifyToken);
    if (request.method !== 'POST')
      return refuse(405, 'NOT_FOUND', 'Use GET for the subscription challenge and POST for deliveries.', {
        allow: 'GET, POST',
      });
    if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return tooLarge();
    return deliver(new Uint8Array(await request.arrayBuffer()), request.headers.get(signatureHeader));
  };
  return Object.assign(handler, { deliver });
}
