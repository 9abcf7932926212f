// The WhatsApp transport over the Graph API: POST /{version}/{phone-number-id}/messages with the
// real request shape, `messages[0].id` read back, Graph errors typed (graphError.ts) and retried
// only when their code means "not sent", with exponential backoff and full jitter, bounded.
import { OneNumberError, parseInput } from '@onenumber/core';
import { z } from 'zod';
import { apiVersionSchema, processEnv, readWhatsAppEnv, type EnvLike } from '../config';
import { systemClock, type Clock } from '../time/clock';
import type { Random } from '../time/random';
import { backoffDelay, backoffSchema } from './backoff';
import { badResponseError, graphErrorFromResponse, networkError, WhatsAppGraphError } from './graphError';
import { graphSendResponseSchema, templateMessageBody, textMessageBody } from './graphRequest';
import {
  sendTemplateInputSchema,
  sendTextInputSchema,
  type SendOptions,
  type SendResult,
  type SendTemplateInput,
  type SendTextInput,
  type WhatsAppTransport,
} from './transport';

/** Maps a business number (E.164) to its Cloud API phone_number_id; null when none is registered. */
export type PhoneNumberIdResolver = (number: string) => string | null | Promise<string | null>;

const fn = <T>(what: string) => z.custom<T>((v) => typeof v === 'function', `${what} must be a function`);

export const graphClientOptionsSchema = z
  .object({
    /** Default: env WHATSAPP_ACCESS_TOKEN. A function is asked before each call (token rotation). */
    accessToken: z.union([z.string().min(1), fn<() => string | Promise<string>>('accessToken')]).optional(),
    /** How a business number becomes a phone_number_id: one id for a one-number app, or a lookup. */
    phoneNumberId: z
      .union([
        z.string().regex(/^[0-9]{1,32}$/, 'a phone_number_id is digits'),
        fn<PhoneNumberIdResolver>('phoneNumberId'),
      ])
      .optional(),
    /** Default: env WHATSAPP_GRAPH_URL, else https://graph.facebook.com. */
    graphUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Default: env WHATSAPP_API_VERSION, else v23.0. */
    apiVersion: apiVersionSchema.optional(),
    env: z.record(z.string(), z.string().optional()).optional(),
    fetch: fn<typeof fetch>('fetch').optional(),
    /** Calls per send, retries included (1 = no retry). */
    maxAttempts: z.number().int().min(1).max(10).default(4),
    backoff: backoffSchema.default({ baseMs: 1000, maxMs: 60_000 }),
    random: fn<Random>('random').optional(),
    clock: z
      .custom<Clock>(
        (v) => typeof (v as Clock)?.sleep === 'function' && typeof (v as Clock)?.now === 'function',
        'clock needs now() and sleep()',
      )
      .optional(),
    timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  })
  .strict();

export type GraphClientOptions = z.input<typeof graphClientOptionsSchema>;

export interface GraphClient extends WhatsAppTransport {
  readonly graphUrl: string;
  readonly apiVersion: string;
}

export function createGraphClient(options: GraphClientOptions = {}): GraphClient {
  const o = parseInput(graphClientOptionsSchema, options, 'options');
  const env = readWhatsAppEnv((o.env ?? processEnv()) as EnvLike);
  const graphUrl = (o.graphUrl ?? env.graphUrl).replace(/\/+$/, '');
  const apiVersion = o.apiVersion ?? env.apiVersion;
  const token = o.accessToken ?? env.accessToken;
  if (!token)
    throw new OneNumberError(
      'UNAUTHORIZED',
      'No WhatsApp access token: set WHATSAPP_ACCESS_TOKEN (or pass accessToken).',
      { field: 'accessToken' },
    );
  const clock = o.clock ?? systemClock;
  const random = o.random ?? Math.random;

  async function phoneNumberIdOf(from: string): Promise<string> {
    if (!from.startsWith('+')) return from; // already a phone_number_id
    const resolved = typeof o.phoneNumberId === 'function' ? await o.phoneNumberId(from) : (o.phoneNumberId ?? null);
    if (!resolved)
      throw new OneNumberError(
        'NOT_CONNECTED',
        `No WhatsApp phone_number_id is registered for ${from}. Register it (admin API) or pass phoneNumberId.`,
        { field: 'from' },
      );
    return resolved;
  }

  async function postOnce(phoneNumberId: string, body: unknown): Promise<Omit<SendResult, 'attempts'>> {
    const bearer = typeof token === 'function' ? await token() : token!;
    let response: Response;
    let text: string;
    try {
      response = await (o.fetch ?? globalThis.fetch)(
        `${graphUrl}/${apiVersion}/${encodeURIComponent(phoneNumberId)}/messages`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(o.timeoutMs),
        },
      );
      text = await response.text();
    } catch (cause) {
      throw networkError(cause);
    }
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON: decided below */
    }
    if (!response.ok) throw graphErrorFromResponse(response.status, json);
    const parsed = graphSendResponseSchema.safeParse(json);
    if (!parsed.success) throw badResponseError(response.status);
    return { id: parsed.data.messages[0]!.id, waId: parsed.data.contacts?.[0]?.wa_id ?? null };
  }

  async function send(from: string, body: unknown, sendOptions: SendOptions = {}): Promise<SendResult> {
    const phoneNumberId = await phoneNumberIdOf(from);
    const maxAttempts = Math.max(1, Math.min(10, sendOptions.maxAttempts ?? o.maxAttempts));
    for (let attempt = 1; ; attempt++) {
      try {
        return { ...(await postOnce(phoneNumberId, body)), attempts: attempt };
      } catch (error) {
        if (!WhatsAppGraphError.isGraphError(error)) throw error;
        error.attempts = attempt;
        if (!error.retryable || attempt >= maxAttempts) throw error;
        await clock.sleep(backoffDelay(attempt, o.backoff, random));
      }
    }
  }

  return {
    name: 'graph',
    graphUrl,
    apiVersion,
    async sendText(input: SendTextInput, sendOptions?: SendOptions) {
      const parsed = parseInput(sendTextInputSchema, input);
      return send(parsed.from, textMessageBody(parsed), sendOptions);
    },
    async sendTemplate(input: SendTemplateInput, sendOptions?: SendOptions) {
      const parsed = parseInput(sendTemplateInputSchema, input);
      return send(parsed.from, templateMessageBody(parsed), sendOptions);
    },
  };
}
