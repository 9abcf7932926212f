// The simulator behind a loopback Graph API: a fetch-style handler with the real request, answer
// and error shapes (Meta's Cloud API reference, "Messages", "Media"): POST
// /{version}/{phone-number-id}/messages for every message kind (text, template, image, video,
// audio, document, sticker, reaction) and for read receipts (`status: "read"`, with a
// `typing_indicator`), and POST /{version}/{phone-number-id}/media (multipart upload). Point
// WHATSAPP_GRAPH_URL at it (served on 127.0.0.1) and a separate server process, one that tests
// kill and restart, sends to the in-process customer phones: msw only reaches its own process.
import { OneNumberError } from '@onenumber/core';
import { z } from 'zod';
import { WhatsAppGraphError } from '../send/graphError';
import { outboundMediaKinds, type OutboundMediaKind } from '../send/mediaInput';
import type { SendResult, WhatsAppTransport } from '../send/transport';

const messageRequestSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  to: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  type: z.string().min(1),
  text: z.looseObject({ body: z.string() }).optional(),
  template: z.unknown().optional(),
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string() }).optional(),
  context: z.looseObject({ message_id: z.string() }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
});
const readRequestSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.looseObject({ type: z.literal('text') }).optional(),
});
const mediaObjectSchema = z.looseObject({
  id: z.string().optional(),
  link: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

const graphError = (status: number, code: number, message: string, details?: string) =>
  Response.json(
    {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
        fbtrace_id: 'SIMULATOR',
      },
    },
    { status },
  );
const invalid = (details: string) => graphError(400, 100, '(#100) Invalid parameter', details);
const unsupported = (what: string) =>
  graphError(400, 131051, '(#131051) Unsupported message type', `The simulator does not send "${what.slice(0, 32)}".`);

/** A message send: the simulator's answer for each kind, or null when the kind is not one it sends. */
function sendOf(simulator: WhatsAppTransport, from: string, to: string, body: z.output<typeof messageRequestSchema>) {
  const { type, biz_opaque_callback_data: bizOpaqueCallbackData, context } = body;
  const common = { from, to, bizOpaqueCallbackData };
  const replyTo = context ? { replyTo: context.message_id } : {};
  if (type === 'text' && body.text) return simulator.sendText({ ...common, ...replyTo, body: body.text.body });
  if (type === 'template') return simulator.sendTemplate({ ...common, template: body.template as never });
  if (type === 'reaction' && body.reaction && simulator.sendReaction)
    return simulator.sendReaction({ ...common, messageId: body.reaction.message_id, emoji: body.reaction.emoji });
  if ((outboundMediaKinds as readonly string[]).includes(type) && simulator.sendMedia) {
    const media = mediaObjectSchema.safeParse(body[type]);
    if (!media.success) return null;
    const { id, link, caption, filename } = media.data;
    return simulator.sendMedia({
      ...common,
      ...replyTo,
      kind: type as OutboundMediaKind,
      media: id !== undefined ? { id } : { link: link ?? '' },
      ...(caption !== undefined ? { caption } : {}),
      ...(filename !== undefined ? { filename } : {}),
    });
  }
  return null;
}

async function messages(simulator: WhatsAppTransport, from: string, request: Request): Promise<Response> {
  const json: unknown = await request.json().catch(() => null);
  const read = readRequestSchema.safeParse(json);
  if (read.success) {
    if (!simulator.markRead) return unsupported('read receipts');
    const { success } = await simulator.markRead({
      from,
      messageId: read.data.message_id,
      typing: read.data.typing_indicator !== undefined,
    });
    return Response.json({ success });
  }
  const parsed = messageRequestSchema.safeParse(json);
  const to = parsed.success ? (parsed.data.to ?? parsed.data.recipient) : undefined;
  if (!parsed.success || !to) return invalid('messaging_product, to (or recipient) and type are required');
  const sending = sendOf(simulator, from, to, parsed.data);
  if (!sending) return unsupported(parsed.data.type);
  const result: SendResult = await sending;
  return Response.json({
    messaging_product: 'whatsapp',
    contacts: [{ input: to, wa_id: result.waId ?? to }],
    messages: [{ id: result.id, message_status: 'accepted' }],
  });
}

/** An upload names only a MIME type: WebP is a sticker, image/video/audio by their prefix, else a document. */
function kindOf(mimeType: string): OutboundMediaKind {
  const base = mimeType.split(';')[0]!.trim().toLowerCase();
  if (base === 'image/webp') return 'sticker';
  const prefix = base.split('/')[0];
  return prefix === 'image' || prefix === 'video' || prefix === 'audio' ? prefix : 'document';
}

async function upload(simulator: WhatsAppTransport, from: string, request: Request): Promise<Response> {
  if (!simulator.uploadMedia) return unsupported('uploads');
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  const type = form?.get('type');
  if (form?.get('messaging_product') !== 'whatsapp' || !(file instanceof Blob) || typeof type !== 'string')
    return invalid('a multipart upload needs messaging_product=whatsapp, type and file');
  const { id } = await simulator.uploadMedia({
    from,
    kind: kindOf(type),
    file,
    mimeType: type,
    ...(file instanceof File && file.name ? { filename: file.name } : {}),
  });
  return Response.json({ id });
}

export function createGraphApiHandler(simulator: WhatsAppTransport, options: { accessToken: string }) {
  return async (request: Request): Promise<Response> => {
    const match = /^\/(v[0-9]+\.[0-9]+)\/([0-9A-Za-z_-]{1,64})\/(messages|media)$/.exec(new URL(request.url).pathname);
    if (!match || request.method !== 'POST')
      return graphError(
        400,
        100,
        'Unsupported request: the simulator serves POST /{version}/{phone-number-id}/messages and /media',
      );
    if (request.headers.get('authorization') !== `Bearer ${options.accessToken}`) {
      return graphError(401, 190, 'Error validating access token: The access token could not be decrypted');
    }
    try {
      return await (match[3] === 'media' ? upload : messages)(simulator, match[2]!, request);
    } catch (error) {
      if (WhatsAppGraphError.isGraphError(error) && error.graphCode !== null) {
        return graphError(error.httpStatus ?? 400, error.graphCode, error.graphMessage ?? error.message);
      }
      if (OneNumberError.isInstance(error)) return invalid(error.message);
      return graphError(500, 131000, '(#131000) Something went wrong');
    }
  };
}
