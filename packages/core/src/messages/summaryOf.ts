// R17, R19: the one-line English summary of a message's content, for a pane's conversation list
// and for the text of a non-text message (an image's caption, a location's name).
import type { MessageContent } from './messageContent';

const limit = 160;

/** One line: whitespace folded, cut at 160 characters with an ellipsis. */
export function oneLine(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

const labelled = (label: string, detail: string | null | undefined) => oneLine(detail ? `${label}: ${detail}` : label);

type Content = MessageContent extends infer C ? (C extends MessageContent ? Omit<C, 'summary'> : never) : never;

export function summaryOf(content: Content): string {
  switch (content.kind) {
    case 'text':
      return oneLine(content.body) || '(empty message)';
    case 'image':
      return labelled('📷 Photo', content.caption);
    case 'video':
      return labelled('🎥 Video', content.caption);
    case 'audio':
      return labelled('🎵 Audio', content.filename);
    case 'voice':
      return '🎤 Voice message';
    case 'document':
      return labelled('📄 Document', content.filename ?? content.caption);
    case 'sticker':
      return '💟 Sticker';
    case 'location':
      return labelled('📍 Location', content.name ?? content.address ?? `${content.latitude}, ${content.longitude}`);
    case 'contacts':
      return content.names.length > 1
        ? labelled(`👥 ${content.names.length} contacts`, content.names.join(', '))
        : labelled('👤 Contact', content.names[0] ?? content.phones[0]);
    case 'reply':
      return labelled('↩️ Chose', content.title ?? content.id);
    case 'order':
      return labelled('🛒 Order', `${content.itemsCount} item${content.itemsCount === 1 ? '' : 's'}`);
    case 'referral':
      return labelled('📣 From an ad', content.headline ?? content.body ?? content.sourceUrl);
    case 'reaction':
      return content.removed ? 'Removed a reaction' : labelled('Reacted', content.emoji);
    case 'edit':
      return labelled('✏️ Edited', content.text);
    case 'revoke':
      return '🗑️ Deleted a message';
    case 'system':
      return labelled('ℹ️ System', content.body ?? content.systemType);
    case 'unsupported':
      return labelled('⚠️ Unsupported message', content.reason);
    case 'other':
      return labelled('Message', content.type);
  }
}
