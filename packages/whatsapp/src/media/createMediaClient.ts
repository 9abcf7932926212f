// R20, R27, R36: an inbound message's file from the Graph API, without the token leaving the
// server (Meta Cloud API reference, media > retrieve media URL, download media): GET
// /{version}/{media-id} with the access token answers `{url, mime_type, sha256, file_size, id}`;
// that short-lived URL is downloaded with the same Authorization header. A download refused
// (401, 403, 404: the URL expired) is looked up once more. Sizes are held to Meta's limits per
// kind (mediaLimits.ts), declared or streamed. Errors are WhatsAppMediaError.
import type { MediaKind } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import { apiVersionSchema, defaultApiVersion, defaultGraphUrl } from '../config';
import { mediaLimits, servedContentType } from './mediaLimits';
import { WhatsAppMediaError } from './mediaError';

export const mediaLookupSchema = z.looseObject({
  url: z.url({ protocol: /^https?$/ }),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  file_size: z.union([z.number(), z.string()]).optional(),
  id: z.string().optional(),
});

export const mediaClientOptionsSchema = z
  .object({
    accessToken: z.union([z.string().min(1), z.custom<() => string>((v) => typeof v === 'function')]),
    graphUrl: z.url({ protocol: /^https?$/ }).default(defaultGraphUrl),
    apiVersion: apiVersionSchema.default(defaultApiVersion),
    /** Default: the global fetch (msw intercepts it in tests). */
    fetch: z.custom<typeof fetch>((v) => typeof v === 'function').optional(),
  })
  .strict();

export type MediaClientOptions = z.input<typeof mediaClientOptionsSchema>;

export interface MediaFile {
  body: ReadableStream<Uint8Array>;
  /** Served content type: as WhatsApp reported it when documented for the kind, else application/octet-stream. */
  contentType: string;
  /** Bytes, when WhatsApp said. */
  size: number | null;
  sha256: string | null;
}

export interface MediaClient {
  download(input: { mediaId: string; kind: MediaKind }): Promise<MediaFile>;
}

const refusedDownload = new Set([401, 403, 404, 410]);

/** Counts bytes as they pass and fails the stream past `max` (a file larger than declared). */
const capped = (max: number) => {
  let seen = 0;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > max) controller.error(new WhatsAppMediaError('too-large', { maxBytes: max }));
      else controller.enqueue(chunk);
    },
  });
};

export function createMediaClient(input: MediaClientOptions): MediaClient {
  const options = parseInput(mediaClientOptionsSchema, input, 'options');
  const base = options.graphUrl.replace(/\/+$/, '');
  const token = () => (typeof options.accessToken === 'function' ? options.accessToken() : options.accessToken);

  async function get(url: string): Promise<Response> {
    try {
      // Looked up at each call: a fetch replaced later (msw in tests) is the one used.
      return await (options.fetch ?? globalThis.fetch)(url, {
        headers: { authorization: `Bearer ${token()}` },
        redirect: 'follow',
      });
    } catch {
      throw new WhatsAppMediaError('unavailable');
    }
  }

  async function lookUp(mediaId: string) {
    const response = await get(`${base}/${options.apiVersion}/${encodeURIComponent(mediaId)}`);
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
      if (code === 190) throw new WhatsAppMediaError('token');
      // 100 (no such object, or it was removed) and a 404: the file is gone.
      if (code === 100 || response.status === 404) throw new WhatsAppMediaError('gone');
      throw new WhatsAppMediaError('unavailable', { graphCode: typeof code === 'number' ? code : null });
    }
    const parsed = mediaLookupSchema.safeParse(body);
    if (!parsed.success) throw new WhatsAppMediaError('unavailable');
    return parsed.data;
  }

  return {
    async download({ mediaId, kind }) {
      const { maxBytes } = mediaLimits[kind];
      for (let attempt = 0; ; attempt++) {
        const found = await lookUp(mediaId);
        const size = found.file_size === undefined ? null : Number(found.file_size);
        if (size !== null && size > maxBytes) throw new WhatsAppMediaError('too-large', { maxBytes });
        const response = await get(found.url);
        if (refusedDownload.has(response.status)) {
          void response.body?.cancel().catch(() => {});
          if (attempt === 0) continue; // the short-lived URL expired: look it up again, once
          throw new WhatsAppMediaError('expired');
        }
        if (!response.ok || !response.body) throw new WhatsAppMediaError('unavailable');
        const declared = Number(response.headers.get('content-length') ?? Number.NaN);
        if (declared > maxBytes) {
          void response.body.cancel().catch(() => {});
          throw new WhatsAppMediaError('too-large', { maxBytes });
        }
        return {
          body: response.body.pipeThrough(capped(maxBytes)),
          contentType: servedContentType(kind, found.mime_type ?? response.headers.get('content-type')),
          size: Number.isFinite(size) ? size : Number.isFinite(declared) ? declared : null,
          sha256: found.sha256 ?? null,
        };
      }
    },
  };
}
