// R17, R27: a message's type is one of a closed list, since every service sees it, masked or not.
// The list is WhatsApp's (Cloud API message types, inbound and outbound) plus `unknown`. A type
// WhatsApp adds later is stored as `unsupported` by the webhook (its own type stays in `raw`),
// never refused: a refused delivery would come back for days.
import { z } from 'zod';

export const messageTypes = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'button',
  'order',
  'reaction',
  'edit',
  'revoke',
  'template',
  'system',
  'request_welcome',
  'unsupported',
  'unknown',
] as const;

export type MessageType = (typeof messageTypes)[number];

const known: ReadonlySet<string> = new Set(messageTypes);

export const isMessageType = (value: string): value is MessageType => known.has(value);

export const messageTypeSchema = z.enum(messageTypes, {
  error: () => `a message type is one of ${messageTypes.join(', ')}`,
});

/** The type to store for a type a provider reported: itself when known, else `unsupported`. */
export const messageTypeOf = (reported: string): MessageType => (isMessageType(reported) ? reported : 'unsupported');
