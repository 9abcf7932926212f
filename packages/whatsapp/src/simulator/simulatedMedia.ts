// R20: the simulator's media (it plays WhatsApp's media store, so that GET /v1/media/{message}
// works with no Meta account): files put under a media id are answered as WhatsApp would answer
// them; any other media id answers a small stand-in file typed application/octet-stream (the
// simulator cannot know what the file was). Held to Meta's size limits like the Graph API's.
// Uploads (Meta's Cloud API reference, "Media" > upload) are checked like the Graph client checks
// them, stored under a new numeric id, and can be sent by that id or downloaded.
import type { MediaKind } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import type { MediaFile } from '../media/createMediaClient';
import { WhatsAppMediaError } from '../media/mediaError';
import { mediaLimits, servedContentType } from '../media/mediaLimits';
import { uploadMediaInputSchema, type OutboundMediaKind, type UploadMediaInput } from '../send/mediaInput';

export interface SimulatedUpload {
  id: string;
  kind: OutboundMediaKind;
  mimeType: string;
  filename: string | null;
  size: number;
}

const bytesOf = async (file: Blob | Uint8Array | ArrayBuffer): Promise<Uint8Array> =>
  file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(file);

export function createSimulatedMedia() {
  const files = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  const uploads: SimulatedUpload[] = [];
  let next = 1;
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
    /** An upload, checked against Meta's types and sizes; answers its media id. */
    async uploadMedia(input: UploadMediaInput) {
      const p = parseInput(uploadMediaInputSchema, input);
      const bytes = await bytesOf(p.file);
      const id = String(900_000_000_000_000 + next++);
      files.set(id, { bytes, mimeType: p.mimeType });
      uploads.push({ id, kind: p.kind, mimeType: p.mimeType, filename: p.filename ?? null, size: bytes.byteLength });
      return { id, attempts: 1 };
    },
    /** Every upload so far, oldest first (no bytes). */
    uploads: (): SimulatedUpload[] => uploads.map((u) => ({ ...u })),
  };
}
