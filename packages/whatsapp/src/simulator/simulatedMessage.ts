// What the simulated phone records of the business's messages (Meta's Cloud API reference,
// "Messages"): each kind as WhatsApp would show it to the customer (text, template, media by link
// or uploaded id with its caption or filename, a reaction), and the business's read receipts
// (with or without a typing indicator) on the customer's messages.
import type { OutboundMediaKind, SendMediaParsed } from '../send/mediaInput';
import type { SendReactionParsed } from '../send/reactionInput';
import type { SendTemplateParsed, SendTextParsed, Template } from '../send/transport';

export interface SimulatedMessage {
  id: string;
  /** The business number (E.164) it came from. */
  from: string;
  to: string;
  type: 'text' | 'template' | 'reaction' | OutboundMediaKind;
  /** A text's body (null for other kinds: a media caption is in `media`). */
  text: string | null;
  template: Template | null;
  /** A media message's file (`id` of an upload, or `link`) and its caption or filename. */
  media: { id: string | null; link: string | null; caption: string | null; filename: string | null } | null;
  /** A reaction: the message it reacts to, and the emoji ("" removes the reaction). */
  reaction: { messageId: string; emoji: string } | null;
  /** The message it answers in context (`context.message_id`), if any. */
  replyTo: string | null;
  bizOpaqueCallbackData: string | null;
  at: string;
  status: 'sent' | 'delivered' | 'read';
}

export interface SimulatedReadReceipt {
  /** The customer's message the business marked read. */
  messageId: string;
  /** Its sender, when the simulator delivered it (else null). */
  customer: string | null;
  /** A typing indicator was asked for too. */
  typing: boolean;
  at: string;
}

/** The content of a message, before the phone gives it an id, a time and a status. */
export type SimulatedContent = Pick<SimulatedMessage, 'type' | 'text' | 'template' | 'media' | 'reaction' | 'replyTo'>;

const none = { text: null, template: null, media: null, reaction: null, replyTo: null } as const;

export const textContent = (p: SendTextParsed): SimulatedContent => ({
  ...none,
  type: 'text',
  text: p.body,
  replyTo: p.replyTo ?? null,
});

export const templateContent = (p: SendTemplateParsed): SimulatedContent => ({
  ...none,
  type: 'template',
  template: p.template,
});

export const mediaContent = (p: SendMediaParsed): SimulatedContent => ({
  ...none,
  type: p.kind,
  media: {
    id: 'id' in p.media ? p.media.id : null,
    link: 'link' in p.media ? p.media.link : null,
    caption: p.caption ?? null,
    filename: p.filename ?? null,
  },
  replyTo: p.replyTo ?? null,
});

export const reactionContent = (p: SendReactionParsed): SimulatedContent => ({
  ...none,
  type: 'reaction',
  reaction: { messageId: p.messageId, emoji: p.emoji },
});
