// One queued reply handed to the transport as the message kind it is (R16; Meta's Cloud API
// reference, "Messages"): a text (after the 24-hour window is checked again: a reply may have
// waited), a template (allowed outside the window), a media message (image, video, audio,
// document, sticker: by uploaded `id` or `link`, with its caption or filename) or a reaction.
// What the queued item's `raw` holds for each kind is exported as a schema; a kind the transport
// does not send is NOT_SUPPORTED, a `raw` of the wrong shape INVALID_INPUT (both final).
import { OneNumberError, windowOpen } from '@onenumber/core';
import { z } from 'zod';
import { encodeCallbackData } from '../send/callbackData';
import { mediaSourceSchema, outboundMediaKinds, type OutboundMediaKind } from '../send/mediaInput';
import { reactionEmojiSchema } from '../send/reactionInput';
import { templateSchema, type SendResult, type WhatsAppTransport } from '../send/transport';
import type { Clock } from '../time/clock';
import type { ClaimedItem } from './fairOutbox';

/** A queued media reply's `raw` (its `type` is the kind: image, video, audio, document, sticker). */
export const queuedMediaSchema = z.looseObject({
  media: mediaSourceSchema,
  caption: z.string().min(1).max(1024).optional(),
  filename: z.string().min(1).max(255).optional(),
});

/** A queued reaction's `raw` (its `type` is `reaction`; an empty emoji removes the reaction). */
export const queuedReactionSchema = z.looseObject({
  messageId: z.string().min(1).max(256),
  emoji: reactionEmojiSchema,
});

export interface TransmitContext {
  transport: WhatsAppTransport;
  clock: Clock;
  resolvePhoneNumberId?: ((number: string) => string | null | Promise<string | null>) | undefined;
  lastInboundAt?: ((item: ClaimedItem) => Promise<string | null>) | undefined;
}

const isMedia = (type: string): type is OutboundMediaKind => (outboundMediaKinds as readonly string[]).includes(type);

function rawOf<S extends z.ZodType>(schema: S, item: ClaimedItem, what: string): z.output<S> {
  const parsed = schema.safeParse(item.raw);
  if (!parsed.success)
    throw new OneNumberError('INVALID_INPUT', `The queued ${what} is not a valid ${what}.`, { field: 'raw' });
  return parsed.data;
}

function notSupported(type: string): never {
  throw new OneNumberError(
    'NOT_SUPPORTED',
    `Sending a "${type.slice(0, 32)}" message is not supported by this transport; send text or a template.`,
  );
}

async function checkWindow(ctx: TransmitContext, item: ClaimedItem) {
  if (ctx.lastInboundAt && !windowOpen(await ctx.lastInboundAt(item), new Date(ctx.clock.now()).toISOString()))
    throw new OneNumberError(
      'WINDOW_CLOSED',
      "The customer's 24-hour window closed before this reply went out: only an approved template may be sent now.",
      { details: { templateAllowed: true } },
    );
}

/** Sends the item once (the outbox retries durably, through the fair queue and the budgets). */
export async function transmit(ctx: TransmitContext, item: ClaimedItem): Promise<SendResult> {
  const from = ctx.resolvePhoneNumberId ? await ctx.resolvePhoneNumberId(item.number) : item.number;
  if (!from) throw new OneNumberError('NOT_CONNECTED', `No WhatsApp phone_number_id is registered for ${item.number}.`);
  const common = {
    from,
    to: item.customer,
    bizOpaqueCallbackData: encodeCallbackData({ org: item.org, service: item.service, message: item.id }),
  };
  const once = { maxAttempts: 1 };
  const t = ctx.transport;
  if (item.type === 'template')
    return t.sendTemplate({ ...common, template: rawOf(templateSchema, item, 'template') }, once);
  if (item.type === 'text') {
    if (item.text === null)
      throw new OneNumberError('INVALID_INPUT', 'The queued text has no body.', { field: 'text' });
    await checkWindow(ctx, item);
    return t.sendText({ ...common, body: item.text }, once);
  }
  if (isMedia(item.type)) {
    if (!t.sendMedia) notSupported(item.type);
    const { media, caption, filename } = rawOf(queuedMediaSchema, item, `${item.type} message`);
    await checkWindow(ctx, item);
    return t.sendMedia({ ...common, kind: item.type, media, caption, filename }, once);
  }
  if (item.type === 'reaction') {
    if (!t.sendReaction) notSupported(item.type);
    const { messageId, emoji } = rawOf(queuedReactionSchema, item, 'reaction');
    await checkWindow(ctx, item);
    return t.sendReaction({ ...common, messageId, emoji }, once);
  }
  return notSupported(item.type);
}
