// R30: a customer's reaction, edit or revoke is an event of its own, pointing at the message it
// changes. What it changes is read from the typed content the webhook stored beside the message
// (raw.onenumber, contentKey); a stored message without it (an SDK `receive` of plain text) changes
// nothing.
import { contentKey } from './messageContent';

/** What an inbound message changes: the WhatsApp id of the message it points at, and how. */
export type MessageChange =
  | { type: 'messageReacted'; target: string; emoji: string | null }
  | { type: 'messageEdited'; target: string; text: string | null }
  | { type: 'messageRevoked'; target: string };

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The change an inbound message of type reaction, edit or revoke makes, or null. */
export function changeOf(message: { direction: string; type: string; raw: unknown }): MessageChange | null {
  if (message.direction !== 'in' || message.raw === null || typeof message.raw !== 'object') return null;
  const content = (message.raw as Record<string, unknown>)[contentKey];
  if (content === null || typeof content !== 'object') return null;
  const c = content as Record<string, unknown>;
  const target = text(c.messageId);
  if (!target || c.kind !== message.type) return null;
  switch (c.kind) {
    case 'reaction':
      return { type: 'messageReacted', target, emoji: text(c.emoji) || null };
    case 'edit':
      return { type: 'messageEdited', target, text: text(c.text) };
    case 'revoke':
      return { type: 'messageRevoked', target };
    default:
      return null;
  }
}
