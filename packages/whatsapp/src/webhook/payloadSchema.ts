// R36, R37: the Cloud API webhook payload, as Meta sends it (Meta's Cloud API webhook reference). Objects are
// loose: Meta adds fields over time and we keep them in `raw`. A delivery may hold several
// entries, changes, messages and statuses. Changes of other fields (account updates, template
// reviews) are accepted and passed through untouched, so a subscription to them is not refused.
import { z } from 'zod';

/** Unix seconds, as a string of digits (Meta's form) or a number. */
export const unixTimestampSchema = z.union([
  z.string().regex(/^[0-9]{1,12}$/, 'a timestamp is unix seconds'),
  z.number().int().nonnegative(),
]);

export const webhookErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

export const webhookMetadataSchema = z.looseObject({
  display_phone_number: z.string().min(1),
  // Digits, as Meta issues them (and the simulator checks): a malformed id is refused with 400
  // here, not stored-failed with 500, which would have WhatsApp deliver it again forever.
  phone_number_id: z.string().regex(/^[0-9]{1,32}$/, 'a phone_number_id is 1 to 32 digits'),
});

export const webhookContactSchema = z.looseObject({
  wa_id: z.string().min(1).optional(),
  user_id: z.string().min(1).optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

// R37: no sender field is required. A username user may come with no `from` and no
// `from_user_id` (only `contacts[].user_id`), or with none at all; normaliseWebhook resolves the
// sender, and a message with none is stored under `unattributed`: refusing it would bring it back
// for 7 days. Parts (text, image, ...) are read by core's contentOf, tolerant of what is missing.
export const webhookMessageSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: unixTimestampSchema,
  type: z.string().min(1),
  from: z.string().min(1).optional(),
  from_user_id: z.string().min(1).optional(),
  /** Group messages (Meta Cloud API webhook reference, messages > group): the group's id. */
  group_id: z.string().min(1).optional(),
  text: z.looseObject({ body: z.string().optional() }).optional(),
});

export const webhookStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: unixTimestampSchema,
  recipient_id: z.string().min(1).optional(),
  recipient_user_id: z.string().min(1).optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(webhookErrorSchema).optional(),
});

export const messagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: webhookMetadataSchema,
  contacts: z.array(webhookContactSchema).optional(),
  messages: z.array(webhookMessageSchema).optional(),
  statuses: z.array(webhookStatusSchema).optional(),
  errors: z.array(webhookErrorSchema).optional(),
});

export type MessagesChange = { field: 'messages'; value: z.output<typeof messagesValueSchema> };
export type OtherChange = { field: string; value: unknown };

/** One change: `messages` changes are checked in full; other fields pass through. */
export const webhookChangeSchema = z
  .looseObject({ field: z.string().min(1), value: z.unknown() })
  .transform((change, ctx): MessagesChange | OtherChange => {
    if (change.field !== 'messages') return { field: change.field, value: change.value };
    const parsed = messagesValueSchema.safeParse(change.value);
    if (parsed.success) return { field: 'messages', value: parsed.data };
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] });
    }
    return z.NEVER;
  });

export const webhookPayloadSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.looseObject({ id: z.string().min(1), changes: z.array(webhookChangeSchema) })),
});

export type WebhookPayload = z.output<typeof webhookPayloadSchema>;
export type WebhookPayloadInput = z.input<typeof webhookPayloadSchema>;
export type WebhookMessage = z.output<typeof webhookMessageSchema>;
export type WebhookStatus = z.output<typeof webhookStatusSchema>;
export type WebhookContact = z.output<typeof webhookContactSchema>;
export type WebhookErrorItem = z.output<typeof webhookErrorSchema>;
