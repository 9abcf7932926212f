// R15, R27, R36: the typed content of a WhatsApp message, one zod schema per part of Meta's
// message object (Meta Cloud API webhook reference, messages > text, image, audio, video,
// document, sticker, location, contacts, interactive, button, order, referral, reaction, edit,
// revoke, system, unsupported). Loose and tolerant: unknown fields are kept, optional fields
// may be missing, so a field WhatsApp adds never refuses a delivery.
import { z } from 'zod';

const text = z.string();
const opt = text.optional();

export const mediaPartSchema = z.looseObject({
  id: opt,
  mime_type: opt,
  sha256: opt,
  caption: opt,
  filename: opt,
  url: opt,
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
  file_size: z.union([z.number(), text]).optional(),
});

export const locationPartSchema = z.looseObject({
  latitude: z.union([z.number(), text]),
  longitude: z.union([z.number(), text]),
  name: opt,
  address: opt,
  url: opt,
});

export const contactCardSchema = z.looseObject({
  name: z.looseObject({ formatted_name: opt, first_name: opt, last_name: opt }).optional(),
  phones: z.array(z.looseObject({ phone: opt, wa_id: opt, type: opt })).optional(),
});

export const interactivePartSchema = z.looseObject({
  type: opt,
  button_reply: z.looseObject({ id: opt, title: opt }).optional(),
  list_reply: z.looseObject({ id: opt, title: opt, description: opt }).optional(),
  nfm_reply: z.looseObject({ name: opt, body: opt, response_json: opt }).optional(),
});

export const buttonPartSchema = z.looseObject({ payload: opt, text: opt });

export const orderPartSchema = z.looseObject({
  catalog_id: opt,
  text: opt,
  product_items: z.array(z.looseObject({ quantity: z.union([z.number(), text]).optional() })).optional(),
});

export const referralPartSchema = z.looseObject({
  source_url: opt,
  source_type: opt,
  source_id: opt,
  headline: opt,
  body: opt,
  media_type: opt,
  ctwa_clid: opt,
});

export const reactionPartSchema = z.looseObject({ message_id: text, emoji: opt });

export const editPartSchema = z.looseObject({
  original_message_id: text,
  message: z.looseObject({ type: opt, text: z.looseObject({ body: opt }).optional() }).optional(),
});

export const revokePartSchema = z.looseObject({ original_message_id: text });

export const systemPartSchema = z.looseObject({
  body: opt,
  type: opt,
  wa_id: opt,
  user_id: opt,
  previous_user_id: opt,
  customer: opt,
});

export const errorItemSchema = z.looseObject({ code: z.number().optional(), title: opt, message: opt });
