// The Cloud API's request and answer shapes for POST /{version}/{phone-number-id}/messages.
import { z } from 'zod';
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

export const graphSendResponseSchema = z.looseObject({
  messaging_product: z.string().optional(),
  contacts: z.array(z.looseObject({ input: z.string().optional(), wa_id: z.string().optional() })).optional(),
  messages: z.array(z.looseObject({ id: z.string().min(1), message_status: z.string().optional() })).min(1),
});

export type GraphSendResponse = z.output<typeof graphSendResponseSchema>;
