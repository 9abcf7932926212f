// R30: the scenario ops `react`, `edit` and `revoke`: a customer's change to a message, received as
// the WhatsApp webhook stores one (the WhatsApp message object, its typed content under
// raw.onenumber, its summary as the text), so every member gets messageReacted, messageEdited or
// messageRevoked pointing at `target` (the id of an earlier `inbound` step).
import { contentKey, contentOf, textOf } from '@onenumber/core';

export type ChangeStep =
  | { op: 'react'; target: string; emoji: string }
  | { op: 'edit'; target: string; text: string }
  | { op: 'revoke'; target: string };

/** The message to receive for the step: its type, text and raw object. */
export function customerChange(step: ChangeStep, id: string) {
  const [type, part]: ['reaction' | 'edit' | 'revoke', object] =
    step.op === 'react'
      ? ['reaction', { message_id: step.target, emoji: step.emoji }]
      : step.op === 'edit'
        ? ['edit', { original_message_id: step.target, message: { type: 'text', text: { body: step.text } } }]
        : ['revoke', { original_message_id: step.target }];
  const whatsapp = { id, type, [type]: part };
  const content = contentOf(type, whatsapp);
  return { type, text: textOf(content), raw: { ...whatsapp, [contentKey]: content } };
}
