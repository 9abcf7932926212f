// R36: inbound media as Meta documents it (Meta Cloud API reference, media > supported media
// types): the largest file of each kind and its content types. A file over its kind's limit is
// refused, never streamed; a content type not listed is served as application/octet-stream.
import type { MediaKind } from '@onenumber/core';

const MB = 1024 * 1024;

export const mediaLimits: Readonly<Record<MediaKind, { maxBytes: number; types: readonly string[] }>> = Object.freeze({
  image: { maxBytes: 5 * MB, types: ['image/jpeg', 'image/png'] },
  sticker: { maxBytes: 500 * 1024, types: ['image/webp'] },
  audio: {
    maxBytes: 16 * MB,
    types: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  },
  voice: { maxBytes: 16 * MB, types: ['audio/ogg', 'audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4'] },
  video: { maxBytes: 16 * MB, types: ['video/mp4', 'video/3gpp'] },
  document: {
    maxBytes: 100 * MB,
    types: [
      'text/plain',
      'application/pdf',
      'application/vnd.ms-powerpoint',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
  },
});

/** The content type to serve: the reported one (parameters such as `codecs=opus` kept) when documented for the kind. */
export function servedContentType(kind: MediaKind, reported: string | null): string {
  const base = (reported ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mediaLimits[kind].types.includes(base)) return 'application/octet-stream';
  return reported!.replace(/[^\x20-\x7e]/g, '').slice(0, 100);
}
