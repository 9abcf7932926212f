// R16, R17: a reply that carries media (Meta's Cloud API reference, "Media messages"): an image,
// video, audio, document or sticker, by `link` (a URL the service hosts) or by the `id` of a file
// uploaded first. Only images, videos and documents have a caption (at most 1,024 characters);
// only a document has a filename. Stored as its kind with `raw` = { media, caption, filename } and
// its typed content under `contentKey`; other services see the kind only (R17 masks text and raw).
import { z } from 'zod';
import { contentKey, type MessageContent } from './messageContent';
import { summaryOf } from './summaryOf';

export const replyMediaKinds = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type ReplyMediaKind = (typeof replyMediaKinds)[number];

const captioned: ReadonlySet<ReplyMediaKind> = new Set(['image', 'video', 'document']);

/** Where the file is: a URL WhatsApp fetches (`link`), or an uploaded media id (`id`). */
export const replyMediaSourceSchema = z.union([
  z.object({ link: z.url({ protocol: /^https?$/ }).max(2048) }).strict(),
  z.object({ id: z.string().min(1).max(256) }).strict(),
]);

/** A media message's file fields as WhatsApp takes them (the transport's send input uses them too). */
export const mediaFileFields = {
  media: replyMediaSourceSchema,
  caption: z.string().min(1).max(1024, 'a media caption is at most 1,024 characters').optional(),
  filename: z.string().min(1).max(255).optional(),
};

/** WhatsApp's shape rule: a caption only on images, videos and documents, a filename only on a document. */
export function checkMediaShape(
  input: { kind: ReplyMediaKind; caption?: string | undefined; filename?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (input.caption !== undefined && !captioned.has(input.kind))
    ctx.addIssue({
      code: 'custom',
      path: ['caption'],
      message: `a WhatsApp ${input.kind} has no caption (images, videos and documents do)`,
    });
  if (input.filename !== undefined && input.kind !== 'document')
    ctx.addIssue({ code: 'custom', path: ['filename'], message: 'only a document has a filename' });
}

export const replyMediaSchema = z
  .object({
    kind: z.enum(replyMediaKinds, { error: () => `a media reply is one of ${replyMediaKinds.join(', ')}` }),
    ...mediaFileFields,
  })
  .strict()
  .superRefine(checkMediaShape);

export type ReplyMedia = z.output<typeof replyMediaSchema>;

/** The stored type, text (the one-line summary) and raw of a media reply. */
export function storedReplyMedia(media: ReplyMedia): { type: ReplyMediaKind; text: string; raw: object } {
  const draft = {
    kind: media.kind,
    mimeType: null,
    caption: media.caption ?? null,
    size: null,
    sha256: null,
    mediaId: 'id' in media.media ? media.media.id : null,
    filename: media.filename ?? null,
  };
  const content: MessageContent = { ...draft, summary: summaryOf(draft) };
  const { kind: _kind, ...part } = media;
  return { type: media.kind, text: content.summary, raw: { ...part, [contentKey]: content } };
}
