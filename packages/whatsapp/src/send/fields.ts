// The fields every send names (Meta's Cloud API reference, "Messages"): who sends (a business
// number or its phone_number_id), to whom (a phone, E.164 or wa_id digits, or a business-scoped
// user id, which goes in `recipient`), the callback data statuses carry back, and a message id.
import { z } from 'zod';

/** Sender: a business number in E.164 (`+81...`, resolved to its phone_number_id) or a phone_number_id. */
export const fromSchema = z.string().min(1).max(64);
/** Recipient: a customer id, E.164 (or wa_id digits) or a business-scoped user id. */
export const toSchema = z.string().min(1).max(160);
/** `biz_opaque_callback_data`: at most 512 characters, returned on the message's statuses. */
export const callbackSchema = z.string().max(512).optional();
/** A WhatsApp message id (`wamid...`). */
export const messageIdSchema = z.string().min(1).max(256);
