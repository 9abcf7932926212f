// The kinds of WhatsApp message beyond text (a photo, a location, a reaction...), in the page's
// language: the typed content core keeps beside each message (`raw.onenumber`), when the viewing
// service sees the message whole. What people wrote (a caption, a place's name) stays as written.

/** The message's typed content (kind, caption, media id...), or null (text, or masked). */
export const contentOf = (m) => (!m?.masked && m?.raw && typeof m.raw === 'object' ? m.raw.onenumber : null) ?? null;

const kinds = new Set([
  'image',
  'video',
  'audio',
  'voice',
  'document',
  'sticker',
  'location',
  'contacts',
  'reply',
  'order',
  'referral',
  'reaction',
  'edit',
  'revoke',
  'system',
  'unsupported',
]);

/** Whether the page has words for this kind. */
export const hasKind = (kind) => kinds.has(kind);

/** A kind's label for the page: "Photo" (words, not emoji: a browser without an emoji font draws boxes). */
export const kindLabel = (kind, t) => t(`kind_${kinds.has(kind) ? kind : 'other'}`);

/** What people wrote or chose in a non-text message: a caption, a file or place name, an emoji. */
export function detailOf(c) {
  if (!c) return '';
  if (c.kind === 'contacts') return (c.names ?? []).join(', ');
  const detail = c.caption ?? c.filename ?? c.name ?? c.address ?? c.emoji ?? c.title ?? c.text ?? c.body ?? '';
  return typeof detail === 'string' ? detail : '';
}

/** Kinds whose file the media route serves (GET /v1/media/{message}). */
export const hasFile = (c) =>
  Boolean(c?.mediaId) && ['image', 'video', 'audio', 'voice', 'document', 'sticker'].includes(c.kind);
