// The Cloud API's request and answer shapes (Meta's Cloud API reference, "Messages", "Media"):
// POST /{version}/{phone-number-id}/messages for every message kind and for read receipts, and
// the multipart form of POST /{version}/{phone-number-id}/media.
import { z } from 'zod';
import type { SendMediaParsed, UploadMediaParsed } from './mediaInput';
import type { MarkReadParsed, SendReactionParsed } from './reactionInput';
import type { SendTemplateParsed, SendTextParsed } from './transport';

const phoneLike = /^\+?[0-9][0-9 ()-]*$/;

/** A phone goes in `to` (digits, the wa_id form); a business-scoped user id goes in `recipient`. */
export function recipientFields(to: string): { to: string } | { recipient: string } {
  const trimmed = to.trim();
  return phoneLike.test(trimmed) ? { to: trimmed.replace(/[^0-9]/g, '') } : { recipient: trimmed };
}

const common = (to: string, bizOpaqueCallbackData: string | undefined) => ({
  messaging_product: 'whatsapp' as const,
  recipient_type: 'individual' as const,
  ...recipientFields(to),
  ...(bizOpaqueCallbackData ? { biz_opaque_callback_data: bizOpaqueCallbackData } : {}),
});

export function textMessageBody(input: SendTextParsed) {
  return {
    ...common(input.to, input.bizOpaqueCallbackData),
    ...(input.replyTo ? { context: { message_id: input.replyTo } } : {}),
    type: 'text' as const,
    text: { body: input.body, ...(input.previewUrl !== undefined ? { preview_url: input.previewUrl } : {}) },
  };
}

export function templateMessageBody(input: SendTemplateParsed) {
  const { name, language, components } = input.template;
  return {
    ...common(input.to, input.bizOpaqueCallbackData),
    type: 'template' as const,
    template: {
      name,
      language: typeof language === 'string' ? { code: language } : language,
      ...(components ? { components } : {}),
    },
  };
}

export function mediaMessageBody(input: SendMediaParsed) {
  return {
    ...common(input.to, input.bizOpaqueCallbackData),
    ...(input.replyTo ? { context: { message_id: input.replyTo } } : {}),
    type: input.kind,
    [input.kind]: {
      ...input.media,
      ...(input.caption !== undefined ? { caption: input.caption } : {}),
      ...(input.filename !== undefined ? { filename: input.filename } : {}),
    },
  };
}

export function reactionMessageBody(input: SendReactionParsed) {
  return {
    ...common(input.to, input.bizOpaqueCallbackData),
    type: 'reaction' as const,
    reaction: { message_id: input.messageId, emoji: input.emoji },
  };
}

export function markReadBody(input: MarkReadParsed) {
  return {
    messaging_product: 'whatsapp' as const,
    status: 'read' as const,
    message_id: input.messageId,
    ...(input.typing ? { typing_indicator: { type: 'text' as const } } : {}),
  };
}

/** The upload's multipart form: `messaging_product`, the file's MIME `type`, and the `file`. */
export function uploadForm(input: UploadMediaParsed): FormData {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', input.mimeType);
  const file = new Blob([input.file], { type: input.mimeType }); // the part says the type WhatsApp is told
  form.set('file', file, input.filename ?? `upload.${input.mimeType.split(/[/;]/)[1]?.trim() || 'bin'}`);
  return form;
}

/** A read receipt's answer. */
export const graphSuccessSchema = z.looseObject({ success: z.boolean() });
/** An upload's answer. */
export const graphUploadResponseSchema = z.looseObject({ id: z.string().min(1) });

export const graphSendResponseSchema = z.looseObject({
  messaging_product: z.string().optional(),
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

export type GraphSendResponse = z.output<typeof graphSendResponseSchema>;
