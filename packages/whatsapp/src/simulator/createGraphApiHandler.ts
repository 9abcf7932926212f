// The simulator behind a loopback Graph API: a fetch-style handler for
// POST /{version}/{phone-number-id}/messages with the real request, answer and error shapes.
// Point WHATSAPP_GRAPH_URL at it (served on 127.0.0.1) and a separate server process, one that
// tests kill and restart, sends to the in-process customer phones: msw only reaches its own process.
import { OneNumberError } from '@onenumber/core';
import { z } from 'zod';
import { WhatsAppGraphError } from '../send/graphError';
import { templateSchema, type WhatsAppTransport } from '../send/transport';

const messageRequestSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  to: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  type: z.string().min(1),
  text: z.looseObject({ body: z.string() }).optional(),
  template: z.unknown().optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
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

export function createGraphApiHandler(simulator: WhatsAppTransport, options: { accessToken: string }) {
  return async (request: Request): Promise<Response> => {
    const match = /^\/(v[0-9]+\.[0-9]+)\/([0-9A-Za-z_-]{1,64})\/messages$/.exec(new URL(request.url).pathname);
    if (!match || request.method !== 'POST')
      return graphError(
        400,
        100,
        'Unsupported request: the simulator serves POST /{version}/{phone-number-id}/messages',
      );
    if (request.headers.get('authorization') !== `Bearer ${options.accessToken}`) {
      return graphError(401, 190, 'Error validating access token: The access token could not be decrypted');
    }
    const parsed = messageRequestSchema.safeParse(await request.json().catch(() => null));
    const to = parsed.success ? (parsed.data.to ?? parsed.data.recipient) : undefined;
    if (!parsed.success || !to)
      return graphError(
        400,
        100,
        '(#100) Invalid parameter',
        'messaging_product, to (or recipient) and type are required',
      );
    const { type, text, template, biz_opaque_callback_data: bizOpaqueCallbackData } = parsed.data;
    const from = match[2]!;
    try {
      let result: Awaited<ReturnType<typeof simulator.sendText>>;
      if (type === 'text' && text)
        result = await simulator.sendText({ from, to, body: text.body, bizOpaqueCallbackData });
      else if (type === 'template' && templateSchema.safeParse(template).success)
        result = await simulator.sendTemplate({
          from,
          to,
          template: templateSchema.parse(template),
          bizOpaqueCallbackData,
        });
      else
        return graphError(
          400,
          131051,
          '(#131051) Unsupported message type',
          `The simulator sends text and template messages, not "${type.slice(0, 32)}".`,
        );
      return Response.json({
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: result.waId ?? to }],
        messages: [{ id: result.id, message_status: 'accepted' }],
      });
    } catch (error) {
      if (WhatsAppGraphError.isGraphError(error) && error.graphCode !== null) {
        return graphError(error.httpStatus ?? 400, error.graphCode, error.graphMessage ?? error.message);
      }
      if (OneNumberError.isInstance(error)) return graphError(400, 100, `(#100) Invalid parameter: ${error.message}`);
      return graphError(500, 131000, '(#131000) Something went wrong');
    }
  };
}
