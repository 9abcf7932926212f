// An agent's gestures on a customer's message (Meta's Cloud API reference, "Reaction messages"
// and "Mark messages as read" / "Typing indicators"): a reaction is a message of type `reaction`
// naming the message it reacts to (an empty emoji removes it); a read receipt is
// `{messaging_product, status: "read", message_id}`, with `typing_indicator: {type: "text"}` to
// show "typing..." until the reply is sent or 25 s pass. The receipt answers `{success: true}`.
import { z } from 'zod';
import { callbackSchema, fromSchema, messageIdSchema, toSchema } from './fields';

/** One emoji (a few code points: skin tones, flags, keycaps), or "" to remove the reaction. */
export const reactionEmojiSchema = z
  .string()
  .max(32, 'a reaction is one emoji')
  .regex(
    /^$|^(?=.*(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3))[^\s\p{L}]+$/u,
    'a reaction is one emoji, or "" to remove it',
  );

export const sendReactionInputSchema = z
  .object({
    from: fromSchema,
    to: toSchema,
    /** The message reacted to (its wamid): the customer's or one the business sent. */
    messageId: messageIdSchema,
    emoji: reactionEmojiSchema,
    bizOpaqueCallbackData: callbackSchema,
  })
  .strict();

export const markReadInputSchema = z
  .object({
    from: fromSchema,
    /** The customer's message (its wamid); earlier messages of the conversation are read too. */
    messageId: messageIdSchema,
    /** Also show a typing indicator (until the reply is sent, at most 25 s). */
    typing: z.boolean().default(false),
  })
  .strict();

export type SendReactionInput = z.input<typeof sendReactionInputSchema>;
export type SendReactionParsed = z.output<typeof sendReactionInputSchema>;
export type MarkReadInput = z.input<typeof markReadInputSchema>;
export type MarkReadParsed = z.output<typeof markReadInputSchema>;

export interface MarkReadResult {
  /** WhatsApp's `success`. */
  success: boolean;
  attempts: number;
}
