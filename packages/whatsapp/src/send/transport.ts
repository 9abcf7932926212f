// The transport interface: what sends a business message to a customer. The Graph client and the
// simulator both implement it, so the outbox worker, the example app and the tests use either.
import type { MediaKind } from '@onenumber/core';
import { z } from 'zod';
import type { MediaFile } from '../media/createMediaClient';
import { callbackSchema, fromSchema, messageIdSchema, toSchema } from './fields';
import type { SendMediaInput, UploadMediaInput, UploadResult } from './mediaInput';
import type { MarkReadInput, MarkReadResult, SendReactionInput } from './reactionInput';

export const sendTextInputSchema = z
  .object({
    from: fromSchema,
    to: toSchema,
    /** At most 4,096 characters (checked before any call). */
    body: z.string().min(1, 'a text message needs a body').max(4096, 'a WhatsApp text is at most 4,096 characters'),
    bizOpaqueCallbackData: callbackSchema,
    previewUrl: z.boolean().optional(),
    /** Reply in context of a customer's message (its wamid). */
    replyTo: messageIdSchema.optional(),
  })
  .strict();

export const templateSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'a template name is lower-case letters, digits and "_"'),
    language: z.union([
      z.string().min(2).max(16),
      z.object({ code: z.string().min(2).max(16), policy: z.literal('deterministic').optional() }).strict(),
    ]),
    components: z
      .array(z.looseObject({ type: z.string().min(1) }))
      .max(20)
      .optional(),
  })
  .strict();

export const sendTemplateInputSchema = z
  .object({ from: fromSchema, to: toSchema, template: templateSchema, bizOpaqueCallbackData: callbackSchema })
  .strict();

export type SendTextInput = z.input<typeof sendTextInputSchema>;
export type SendTemplateInput = z.input<typeof sendTemplateInputSchema>;
export type Template = z.input<typeof templateSchema>;

export interface SendResult {
  /** The provider's message id (`wamid...`): statuses name it. */
  id: string;
  /** The recipient's wa_id as WhatsApp resolved it, when it said. */
  waId: string | null;
  /** Calls made (1 unless retried). */
  attempts: number;
}

export interface SendOptions {
  /** Overrides the transport's retry bound for this call; 1 means no retry (the outbox retries itself). */
  maxAttempts?: number;
}

/**
 * What sends to WhatsApp. Text and templates are required; the other kinds are optional so that an
 * older transport still fits (the outbox worker refuses a kind its transport lacks, NOT_SUPPORTED).
 * The Graph client and the simulator implement them all.
 */
export interface WhatsAppTransport {
  readonly name: string;
  sendText(input: SendTextInput, options?: SendOptions): Promise<SendResult>;
  sendTemplate(input: SendTemplateInput, options?: SendOptions): Promise<SendResult>;
  /** An image, video, audio, document or sticker, by `link` or by an uploaded media `id`. */
  sendMedia?(input: SendMediaInput, options?: SendOptions): Promise<SendResult>;
  /** A reaction to a message (an empty emoji removes it). */
  sendReaction?(input: SendReactionInput, options?: SendOptions): Promise<SendResult>;
  /** Marks a customer's message read (blue ticks), with a typing indicator when asked. */
  markRead?(input: MarkReadInput, options?: SendOptions): Promise<MarkReadResult>;
  /** Uploads a file for later sends by `id` (`POST /{phone-number-id}/media`). */
  uploadMedia?(input: UploadMediaInput, options?: SendOptions): Promise<UploadResult>;
  /** Optional: an inbound message's file (the simulator has it; the server's Graph media client otherwise). */
  downloadMedia?(input: { mediaId: string; kind: MediaKind }): Promise<MediaFile>;
}

export type SendTextParsed = z.output<typeof sendTextInputSchema>;
export type SendTemplateParsed = z.output<typeof sendTemplateInputSchema>;
