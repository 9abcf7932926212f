// The WhatsApp transport over the Graph API (Meta's Cloud API reference): every message kind
// (text, template, media by link or uploaded id, reaction) and read receipts with a typing
// indicator through POST /{version}/{phone-number-id}/messages, uploads through
// POST /{version}/{phone-number-id}/media; `messages[0].id` read back, Graph errors typed
// (graphError.ts) and retried only when their code means "not sent", after the documented wait
// (retryWait.ts) or exponential backoff with full jitter, bounded.
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import { apiVersionSchema, processEnv, readWhatsAppEnv, type EnvLike } from '../config';
import { systemClock, type Clock } from '../time/clock';
import type { Random } from '../time/random';
import { backoffSchema } from './backoff';
import { graphCall } from './graphCall';
import { WhatsAppGraphError } from './graphError';
import {
  graphSendResponseSchema,
  graphSuccessSchema,
  graphUploadResponseSchema,
  markReadBody,
  mediaMessageBody,
  reactionMessageBody,
  templateMessageBody,
  textMessageBody,
  uploadForm,
  type GraphSendResponse,
} from './graphRequest';
import {
  sendMediaInputSchema,
  uploadMediaInputSchema,
  type SendMediaInput,
  type UploadMediaInput,
  type UploadResult,
} from './mediaInput';
import {
  markReadInputSchema,
  sendReactionInputSchema,
  type MarkReadInput,
  type MarkReadResult,
  type SendReactionInput,
} from './reactionInput';
import { retryWait } from './retryWait';
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

export interface GraphClient extends Required<Omit<WhatsAppTransport, 'downloadMedia'>> {
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

  /** One call, retried while its error code means "not sent", with the documented waits, bounded. */
  async function call<S extends z.ZodType>(
    from: string,
    path: 'messages' | 'media',
    body: () => unknown,
    answer: S,
    sendOptions: SendOptions = {},
  ): Promise<{ data: z.output<S>; attempts: number }> {
    const phoneNumberId = await phoneNumberIdOf(from);
    const maxAttempts = Math.max(1, Math.min(10, sendOptions.maxAttempts ?? o.maxAttempts));
    const url = `${graphUrl}/${apiVersion}/${encodeURIComponent(phoneNumberId)}/${path}`;
    let hits = 0;
    let lastCode: number | null = null;
    for (let attempt = 1; ; attempt++) {
      try {
        const bearer = typeof token === 'function' ? await token() : token!;
        const fetchNow = o.fetch ?? globalThis.fetch; // looked up at each call: msw may replace it
        const data = await graphCall({
          url,
          bearer,
          body: body(),
          answer,
          timeoutMs: o.timeoutMs,
          fetch: fetchNow,
          now: clock.now,
        });
        return { data, attempts: attempt };
      } catch (error) {
        if (!WhatsAppGraphError.isGraphError(error)) throw error;
        error.attempts = attempt;
        if (!error.retryable || attempt >= maxAttempts) throw error;
        hits = error.graphCode === lastCode ? hits + 1 : 0;
        lastCode = error.graphCode;
        await clock.sleep(retryWait(error, { attempt, earlierHits: hits }, o.backoff, random));
      }
    }
  }

  const sent = ({ data, attempts }: { data: GraphSendResponse; attempts: number }): SendResult => ({
    id: data.messages[0]!.id,
    waId: data.contacts?.[0]?.wa_id ?? null,
    attempts,
  });

  return {
    name: 'graph',
    graphUrl,
    apiVersion,
    async sendText(input: SendTextInput, sendOptions?: SendOptions) {
      const p = parseInput(sendTextInputSchema, input);
      return sent(await call(p.from, 'messages', () => textMessageBody(p), graphSendResponseSchema, sendOptions));
    },
    async sendTemplate(input: SendTemplateInput, sendOptions?: SendOptions) {
      const p = parseInput(sendTemplateInputSchema, input);
      return sent(await call(p.from, 'messages', () => templateMessageBody(p), graphSendResponseSchema, sendOptions));
    },
    async sendMedia(input: SendMediaInput, sendOptions?: SendOptions) {
      const p = parseInput(sendMediaInputSchema, input);
      return sent(await call(p.from, 'messages', () => mediaMessageBody(p), graphSendResponseSchema, sendOptions));
    },
    async sendReaction(input: SendReactionInput, sendOptions?: SendOptions) {
      const p = parseInput(sendReactionInputSchema, input);
      return sent(await call(p.from, 'messages', () => reactionMessageBody(p), graphSendResponseSchema, sendOptions));
    },
    async markRead(input: MarkReadInput, sendOptions?: SendOptions): Promise<MarkReadResult> {
      const p = parseInput(markReadInputSchema, input);
      const { data, attempts } = await call(p.from, 'messages', () => markReadBody(p), graphSuccessSchema, sendOptions);
      return { success: data.success, attempts };
    },
    async uploadMedia(input: UploadMediaInput, sendOptions?: SendOptions): Promise<UploadResult> {
      const p = parseInput(uploadMediaInputSchema, input);
      // A fresh form per attempt: a body stream is read once.
      const { data, attempts } = await call(
        p.from,
        'media',
        () => uploadForm(p),
        graphUploadResponseSchema,
        sendOptions,
      );
      return { id: data.id, attempts };
    },
  };
}
