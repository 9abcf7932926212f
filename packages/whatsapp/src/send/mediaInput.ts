// Outbound media (Meta's Cloud API reference, "Media messages", "Media" > upload and supported
// media types): an image, video, audio, document or sticker is sent by `link` (a URL you host) or
// by the `id` of a file uploaded first with POST /{phone-number-id}/media (multipart,
// `messaging_product=whatsapp`, the file's MIME `type`). Only images, videos and documents carry
// a caption (at most 1,024 characters); only a document has a filename. Uploads are checked
// against Meta's types and sizes per kind before any call.
import { replyMediaKinds } from '@onenumber/core';
import { checkMediaShape, mediaFileFields, replyMediaSourceSchema } from '@onenumber/core/schemas';
import { z } from 'zod';
import { mediaLimits } from '../media/mediaLimits';
import { callbackSchema, fromSchema, messageIdSchema, toSchema } from './fields';

// The kinds and the caption/filename rule are core's (a media reply is checked the same way).
export const outboundMediaKinds = replyMediaKinds;
export type OutboundMediaKind = (typeof outboundMediaKinds)[number];

/**
 * What WhatsApp takes per kind (Meta's supported media types): images 5 MB (JPEG, PNG), video
 * and audio 16 MB, documents 100 MB, stickers 500 KB (WebP; 100 KB when not animated, which
 * only WhatsApp can tell). Meta's table writes 3GPP video as `video/3gp`; both spellings pass.
 */
export const outboundMediaLimits: Readonly<Record<OutboundMediaKind, { maxBytes: number; types: readonly string[] }>> =
  Object.freeze({
    image: mediaLimits.image,
    video: { maxBytes: mediaLimits.video.maxBytes, types: [...mediaLimits.video.types, 'video/3gp'] },
    audio: mediaLimits.audio,
    document: mediaLimits.document,
    sticker: mediaLimits.sticker,
  });

/** Media by URL (`link`) or by the `id` of an uploaded file (Meta recommends `id`). */
export const mediaSourceSchema = replyMediaSourceSchema;

export const sendMediaInputSchema = z
  .object({
    from: fromSchema,
    to: toSchema,
    kind: z.enum(outboundMediaKinds),
    ...mediaFileFields,
    bizOpaqueCallbackData: callbackSchema,
    /** Sent in context of a message (its wamid). */
    replyTo: messageIdSchema.optional(),
  })
  .strict()
  .superRefine(checkMediaShape);

/** A file's bytes: a Blob (or File), a Uint8Array or an ArrayBuffer. */
export type MediaBytes = Blob | Uint8Array | ArrayBuffer;
const bytesSchema = z.custom<MediaBytes>(
  (v) => v instanceof Blob || v instanceof Uint8Array || v instanceof ArrayBuffer,
  'file must be a Blob, a Uint8Array or an ArrayBuffer',
);

export const sizeOf = (file: MediaBytes): number => (file instanceof Blob ? file.size : file.byteLength);
const megabytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

export const uploadMediaInputSchema = z
  .object({
    from: fromSchema,
    /** What the file will be sent as: decides the types and size WhatsApp takes. */
    kind: z.enum(outboundMediaKinds),
    file: bytesSchema,
    /** The file's MIME type, sent as the upload's `type` (e.g. `image/jpeg`). */
    mimeType: z.string().min(3).max(255),
    filename: z.string().min(1).max(255).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const limit = outboundMediaLimits[input.kind];
    const base = input.mimeType.split(';')[0]!.trim().toLowerCase();
    if (!limit.types.includes(base))
      ctx.addIssue({
        code: 'custom',
        path: ['mimeType'],
        message: `WhatsApp takes ${limit.types.join(', ')} for a ${input.kind}, not "${base.slice(0, 64)}"`,
      });
    const size = sizeOf(input.file);
    if (size === 0) ctx.addIssue({ code: 'custom', path: ['file'], message: 'the file is empty' });
    if (size > limit.maxBytes)
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: `a WhatsApp ${input.kind} is at most ${megabytes(limit.maxBytes)} (this file is ${size} bytes)`,
      });
  });

export type SendMediaInput = z.input<typeof sendMediaInputSchema>;
export type SendMediaParsed = z.output<typeof sendMediaInputSchema>;
export type UploadMediaInput = z.input<typeof uploadMediaInputSchema>;
export type UploadMediaParsed = z.output<typeof uploadMediaInputSchema>;

export interface UploadResult {
  /** The media id to send with (`media: { id }`); WhatsApp keeps an upload 30 days. */
  id: string;
  attempts: number;
}
