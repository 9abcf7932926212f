// R15, R20, R27, R36: the WhatsApp transport in the OpenAPI document (openapi.ts): its two admin
// routes (always there), GET /v1/media/{message} (a service's inbound file or own media reply; never the
// token), and the webhook Meta calls (served when WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN
// are set), which carries no bearer token: Meta's signature authenticates it, and it answers
// refusals of its own.
import { webhookPayloadSchema } from '@onenumber/whatsapp';
import { operation, v1, type Parameter } from '../contract/operation';
import { refusalResponse } from '../contract/refusals';
import { resumeWhatsAppSchema } from './mountWhatsApp';
import { parkedListSchema, webhookAcceptedSchema, whatsAppReportSchema, whatsAppResumedSchema } from './reportSchema';

const query = (name: string, description: string): Parameter => ({
  name,
  in: 'query',
  required: true,
  description,
  schema: { type: 'string', minLength: 1, maxLength: 128 },
});

export const whatsAppPaths = () => ({
  '/v1/admin/whatsapp': {
    get: operation({
      operationId: 'getWhatsAppReport',
      summary: 'Whether the WhatsApp webhook and sender are on, with their counters (never a secret)',
      tags: ['admin', 'whatsapp'],
      answer: { schema: whatsAppReportSchema, description: 'What is on, and its counters' },
      refusals: [403, ...v1],
    }),
  },
  '/v1/admin/whatsapp/resume': {
    post: operation({
      operationId: 'resumeWhatsApp',
      summary: 'Resume sending after a 190 token error, optionally with a new access token',
      tags: ['admin', 'whatsapp'],
      body: resumeWhatsAppSchema,
      answer: { schema: whatsAppResumedSchema, description: 'Sending resumed' },
      refusals: [400, 403, 501, ...v1],
    }),
  },
  '/v1/admin/whatsapp/parked': {
    get: operation({
      operationId: 'listParkedDeliveries',
      summary: 'Webhook deliveries parked for numbers no org owns yet (R29), in arrival order; never their bytes',
      description:
        'A signed delivery whose phone_number_id is not registered, or whose number no service has connected yet, is acknowledged and parked. It is replayed in arrival order, before any later delivery of its number, once the number is registered (PUT /v1/admin/numbers) and connected; it expires after `ttlMs` (default 7 days).',
      tags: ['admin', 'whatsapp'],
      parameters: [
        {
          name: 'limit',
          in: 'query',
          required: false,
          description: 'At most this many deliveries (1..1000, default 100)',
          schema: { type: 'integer', minimum: 1, maximum: 1000 },
        },
      ],
      answer: { schema: parkedListSchema, description: 'The parked deliveries and their totals' },
      refusals: [400, 403, ...v1],
    }),
  },
  '/v1/media/{message}': {
    get: operation({
      operationId: 'getInboundMedia',
      summary:
        "A message's file (image, video, audio, voice, document, sticker): inbound, or the service's own media reply",
      description:
        "Fetched from WhatsApp with the server's access token, which the service never sees (nor WhatsApp's short-lived URL). Only a message the token's service can see (R17, R18): found in the service's own view of the conversation; another service's reply (masked for this one) is answered 404 `UNKNOWN_MESSAGE`, exactly like a message that does not exist. The service's own media reply sent by uploaded media id is streamed the same way; one sent by `link` is a 307 to that link (the server fetches no URL a service names). Sizes as Meta documents them per kind (images 5 MB, audio and video 16 MB, documents 100 MB, stickers 500 KB). Refusals carry `details.reason`: `no-media`, `gone`, `expired` (404), `too-large`, `off` (501), `token`, `unavailable` (503).",
      tags: ['whatsapp'],
      parameters: [
        {
          name: 'message',
          in: 'path',
          required: true,
          description: 'The message id (or its WhatsApp wamid)',
          schema: { type: 'string', minLength: 1, maxLength: 256 },
        },
        query('number', 'The business number (E.164, or any form with its country code)'),
        query('customer', 'The customer (E.164, or a business-scoped user id)'),
      ],
      answer: {
        description:
          'The file, with its content type (application/octet-stream when not one Meta documents for its kind)',
        mediaType: 'application/octet-stream',
        jsonSchema: { type: 'string', format: 'binary' },
      },
      refusals: [400, 403, 404, 422, 501, ...v1],
      extra: {
        '307': {
          description: "The service's own media reply sent by link: `Location` is the URL it gave",
          headers: { Location: { description: 'The media link of the reply', schema: { type: 'string' } } },
          content: { 'text/plain': { schema: { type: 'string', maxLength: 0 } } },
        },
      },
    }),
  },
  '/webhooks/whatsapp': {
    get: operation({
      operationId: 'verifyWhatsAppWebhook',
      summary: "Meta's subscription challenge: hub.challenge when hub.verify_token is WHATSAPP_VERIFY_TOKEN",
      tags: ['whatsapp'],
      open: true,
      parameters: ['hub.mode', 'hub.verify_token', 'hub.challenge'].map((name) => ({
        name,
        in: 'query' as const,
        required: true,
        description: name === 'hub.mode' ? 'Must be `subscribe`' : `Meta's ${name}`,
        schema: { type: 'string' },
      })),
      answer: { description: 'The challenge, echoed', mediaType: 'text/plain', jsonSchema: { type: 'string' } },
      refusals: [],
      extra: {
        '403': refusalResponse('The verify token does not match, or hub.mode is not subscribe', ['UNAUTHORIZED']),
      },
    }),
    post: operation({
      operationId: 'receiveWhatsAppWebhook',
      summary: 'A WhatsApp Cloud API delivery, stored (R15, R17) before the 200',
      description:
        'Authenticated by X-Hub-Signature-256 (HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET), no token. Routed by its phone_number_id (PUT /v1/admin/numbers); a delivery for a number no org owns yet is parked and answered 200 (R29, GET /v1/admin/whatsapp/parked). Anything but a 200 makes WhatsApp deliver again; a redelivery is stored once.',
      tags: ['whatsapp'],
      open: true,
      parameters: [
        {
          name: 'X-Hub-Signature-256',
          in: 'header',
          required: true,
          description: 'sha256=<hex HMAC of the raw body>',
          schema: { type: 'string', pattern: '^sha256=[0-9a-fA-F]{64}$' },
        },
      ],
      body: webhookPayloadSchema,
      answer: { schema: webhookAcceptedSchema, description: 'Stored' },
      refusals: [],
      extra: {
        '500': refusalResponse(
          'Not stored (a storage failure): WhatsApp delivers again. A message refused for good (a lone surrogate in an id) is counted, never a 500',
          ['INTERNAL'],
        ),
        '503': refusalResponse(
          'Not parked: the deliveries parked for numbers no org owns yet already hold the most bytes allowed (R29); WhatsApp delivers again',
          ['STORAGE_UNAVAILABLE'],
        ),
        '400': refusalResponse('Signed, but not JSON or not a delivery: nothing stored', ['INVALID_INPUT']),
        '401': refusalResponse('The signature is missing or does not match: nothing read', ['UNAUTHORIZED']),
        '413': refusalResponse('Larger than 4 MiB: nothing read', ['INVALID_INPUT']),
      },
    }),
  },
});
