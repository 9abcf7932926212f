// R15, R27, R36, R37: what `receive` stores for one webhook message. Its type from core's closed
// list (a type WhatsApp added later is `unsupported`, its own type kept in raw); its raw object,
// within core's bounds (webhookBounds.ts), carrying the typed content under `raw.onenumber`
// (kind, summary and the kind's fields; for a group message also the sender) until the storages
// keep it as a field of its own; its text: a text's body, else the content's summary.
import { contentKey, textOf } from '@onenumber/core';
import { messageTypeOf } from '@onenumber/core/storage-kit';
import type { InboundMessage } from './normaliseWebhook';
import { storableRaw } from './webhookBounds';

export function storedMessage(message: InboundMessage) {
  const { content } = message;
  const typed =
    message.groupId === null
      ? content
      : { ...content, sender: { phone: message.phone, userId: message.userId, name: message.profileName } };
  const { raw, omitted } = storableRaw({ ...message.raw, [contentKey]: typed });
  // Cut to its top-level fields (R36), the raw object still says what the message was (kind and
  // summary only: the content's own fields could be what made it too large).
  if (omitted) raw[contentKey] = { kind: content.kind, summary: content.summary };
  return {
    record: {
      customer: message.customer,
      id: message.id,
      // R27: a type WhatsApp added after our list is stored as `unsupported` (its own stays in raw).
      type: messageTypeOf(message.type),
      text: message.type === 'text' ? message.text : textOf(content),
      raw,
      at: message.at,
    },
    omitted,
  };
}
