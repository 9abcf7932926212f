// R20: the simulator's media (it plays WhatsApp's media store, so that GET /v1/media/{message}
// works with no Meta account): files put under a media id are answered as WhatsApp would answer
// them; any other media id answers a small stand-in file typed application/octet-stream (the
// simulator cannot know what the file was). Held to Meta's size limits like the Graph API's.
import type { MediaKind } from '@onenumber/core';
import type { MediaFile } from '../media/createMediaClient';
import { WhatsAppMediaError } from '../media/mediaError';
import { mediaLimits, servedContentType } from '../media/mediaLimits';

export function createSimulatedMedia() {
  const files = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  return {
    /** Puts a file under a media id (what a customer's image, document... points at). */
    putMedia(mediaId: string, file: { bytes: Uint8Array; mimeType: string }): void {
      files.set(mediaId, file);
    },
    async downloadMedia({ mediaId, kind }: { mediaId: string; kind: MediaKind }): Promise<MediaFile> {
      const file = files.get(mediaId) ?? {
        bytes: new TextEncoder().encode(`simulated media ${mediaId.slice(0, 64)}`),
        mimeType: 'application/octet-stream',
      };
      if (file.bytes.byteLength > mediaLimits[kind].maxBytes)
        throw new WhatsAppMediaError('too-large', { maxBytes: mediaLimits[kind].maxBytes });
      return {
        body: new Response(file.bytes).body!,
        contentType: servedContentType(kind, file.mimeType),
        size: file.bytes.byteLength,
        sha256: null,
      };
    },
  };
}
