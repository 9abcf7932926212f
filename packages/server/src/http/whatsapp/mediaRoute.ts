// R17, R20, R25, R36: GET /v1/media/{message}?number=&customer= streams the file of a message the
// token's service can see, fetched from the Graph API with the server's access token (the token
// and WhatsApp's short-lived URL never reach the service). What the service may see is what the
// storage's view projects for it (R17, R18): a message masked for it (another service's reply,
// with or without media) is answered exactly like an unknown message, never a hint. A service's
// own media reply is served too: an uploaded media id from the Graph API, a `link` by a redirect
// to the URL the service gave (the server fetches no URL a service names). Errors are typed
// (WhatsAppMediaError's reasons, R27).
import { contentKey, contentOf, mediaKinds, OneNumberError, type MediaKind, type MessageView } from '@onenumber/core';
import { businessNumberSchema, customerSchema, parseInput, replyMediaSourceSchema } from '@onenumber/core/schemas';
import { WhatsAppMediaError, type MediaClient } from '@onenumber/whatsapp';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { ServerDatabase } from '../../db/ServerDatabase';
import type { AppEnv } from '../routes/context';

export const mediaQuerySchema = z
  .object({
    /** Our message id, or WhatsApp's (`wamid...`). */
    message: z.string().min(1).max(256),
    number: businessNumberSchema,
    customer: customerSchema,
  })
  .strict();

const isMediaKind = (kind: unknown): kind is MediaKind => mediaKinds.includes(kind as MediaKind);

type MediaFile = { mediaId: string; kind: MediaKind; filename: string | null };

/** The file of a message as the viewer sees it: a media id, a link (own media replies), or null. */
export function mediaOf(view: MessageView): MediaFile | { link: string } | null {
  if (view.masked || view.raw === null || typeof view.raw !== 'object') return null;
  const raw = view.raw as Record<string, unknown>;
  if (view.direction === 'out') {
    const sent = replyMediaSourceSchema.safeParse(raw.media);
    if (!sent.success || !isMediaKind(view.type)) return null;
    if ('link' in sent.data) return { link: sent.data.link };
    const filename = typeof raw.filename === 'string' ? raw.filename : null;
    return { mediaId: sent.data.id, kind: view.type, filename };
  }
  type Loose = { kind?: unknown; mediaId?: unknown; filename?: unknown };
  const stored = raw[contentKey] as Loose | undefined;
  const content: Loose =
    stored && isMediaKind(stored.kind) ? stored : contentOf(typeof raw.type === 'string' ? raw.type : view.type, raw);
  if (!isMediaKind(content.kind) || typeof content.mediaId !== 'string') return null;
  return {
    mediaId: content.mediaId,
    kind: content.kind,
    filename: typeof content.filename === 'string' ? content.filename : null,
  };
}

/** A filename safe in a header: printable ASCII, no quotes or slashes, at most 100 characters. */
const safeName = (name: string) => name.replace(/[^\x20-\x7e]|["\\/;]/g, '_').slice(0, 100);

export function mediaRoute(app: Hono<AppEnv>, db: ServerDatabase, media: MediaClient | null) {
  app.get('/v1/media/:message', async (c) => {
    const principal = c.var.principal;
    if (principal.kind !== 'service')
      throw new OneNumberError('FORBIDDEN', 'Media are served to a service token: it sees what its service sees.');
    const { message, number, customer } = parseInput(
      mediaQuerySchema,
      { message: c.req.param('message'), number: c.req.query('number'), customer: c.req.query('customer') },
      'query',
    );
    const { org, service } = principal;
    const membership = await db.storage.findMembership({ org, number, service });
    if (!membership) throw new OneNumberError('NOT_CONNECTED');
    if (membership.state !== 'active') throw new OneNumberError('MEMBERSHIP_DISABLED');
    const conversation = await db.storage.conversation({ org, channel: membership.channel, customer });
    if (!conversation) throw new OneNumberError('UNKNOWN_CONVERSATION');
    const views = await db.storage.view({ org, channel: membership.channel, conversation: conversation.id, service });
    const view = views.find(
      (m) => m.id === message || (!m.masked && (m.raw as { id?: unknown } | null)?.id === message),
    );
    // R20: another service's reply is no business of this one, not even its existence as a file.
    if (!view || view.masked) throw new OneNumberError('UNKNOWN_MESSAGE');
    const file = mediaOf(view);
    if (!file) throw new WhatsAppMediaError('no-media');
    if ('link' in file)
      return new Response('', {
        status: 307,
        headers: { location: file.link, 'content-type': 'text/plain', 'cache-control': 'private, no-store' },
      });
    if (!media) throw new WhatsAppMediaError('off');
    const got = await media.download(file);
    const inline = file.kind !== 'document';
    const disposition = `${inline ? 'inline' : 'attachment'}${file.filename ? `; filename="${safeName(file.filename)}"` : ''}`;
    return new Response(got.body, {
      status: 200,
      headers: {
        'content-type': got.contentType,
        'content-disposition': disposition,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
