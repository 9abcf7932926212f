// GET /openapi.json: the OpenAPI 3.1 document, generated from the same zod schemas that validate
// the requests (zod 4's toJSONSchema), so the document cannot drift from the server.
import { storageSpecificationVersion } from '@onenumber/core';
import { webhookPayloadSchema } from '@onenumber/whatsapp';
import { z } from 'zod';
import { storageRoutes } from './routes/storageRoutes';
import {
  agentEntrySchema,
  agentQuerySchema,
  directoryContentsSchema,
  issueTokenSchema,
  numberAdminSchema,
  numberQuerySchema,
  orgEntrySchema,
  orgQuerySchema,
} from './schemas/admin';
import { errorBodySchema } from './schemas/records';
import { resumeWhatsAppSchema } from './whatsapp/mountWhatsApp';

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
const errors = {
  '400': { $ref: '#/components/responses/Error' },
  '401': { $ref: '#/components/responses/Error' },
  '403': { $ref: '#/components/responses/Error' },
  '422': { $ref: '#/components/responses/Error' },
};
const ok = (description: string) => ({ '200': { description, content: { 'application/json': {} } }, ...errors });

function post(summary: string, schema: z.ZodType, tag: string) {
  return {
    post: {
      tags: [tag],
      summary,
      requestBody: { required: true, content: { 'application/json': { schema: json(schema) } } },
      responses: ok('The result, as JSON'),
    },
  };
}
const put = (summary: string, schema: z.ZodType) => ({ put: post(summary, schema, 'admin').post });

let cached: unknown;

export function openApiDocument(): unknown {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'OneNumber server',
      version: `storage-spec-${storageSpecificationVersion}`,
      description:
        'Several services sharing one WhatsApp Business number: the ChannelStorage interface over HTTP, the directory, scoped tokens, real-time events. Refusals are {error, message} with a stable code (R27).',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token, or a service token issued by POST /v1/admin/tokens.',
        },
      },
      responses: {
        Error: {
          description: 'A refusal with a stable code',
          content: { 'application/json': { schema: json(errorBodySchema) } },
        },
      },
    },
    paths: {
      '/health': {
        get: {
          security: [],
          summary: 'Liveness, the storage specification version and the database dialect',
          responses: { '200': { description: 'ok' } },
        },
      },
      '/openapi.json': {
        get: { security: [], summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
      ...Object.fromEntries(
        storageRoutes.map((r) => [`/v1/storage/${r.method}`, post(r.summary, r.schema, 'storage')]),
      ),
      '/v1/events': {
        get: {
          tags: ['events'],
          summary:
            "Server-Sent Events: the token's service's events, projected for it. Resume with Last-Event-ID or ?after=.",
          parameters: [
            {
              name: 'org',
              in: 'query',
              schema: { type: 'string' },
              description: 'Admin only; a service token streams its own org',
            },
            {
              name: 'service',
              in: 'query',
              schema: { type: 'string' },
              description: 'Admin only; a service token streams its own service',
            },
            { name: 'after', in: 'query', schema: { type: 'string' } },
            { name: 'Last-Event-ID', in: 'header', schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A text/event-stream; each event `id:` and `data:` (a ChannelEvent as JSON)',
              content: { 'text/event-stream': {} },
            },
            ...errors,
          },
        },
      },
      '/v1/directory/org': post('The org entry (own org only)', orgQuerySchema, 'directory'),
      '/v1/directory/agent': post("An agent of the token's org", agentQuerySchema, 'directory'),
      '/v1/directory/number': post('The facts about a business number', numberQuerySchema, 'directory'),
      '/v1/admin/orgs': put('Set an org: plan and service subscriptions', orgEntrySchema),
      '/v1/admin/agents': put('Set an agent: name and access', agentEntrySchema),
      '/v1/admin/numbers': put('Set a number: verification and phone_number_id', numberAdminSchema),
      '/v1/admin/directory': post('Load orgs, agents and numbers at once', directoryContentsSchema, 'admin'),
      '/v1/admin/orgs/{org}/agents': {
        get: { tags: ['admin'], summary: "An org's agents", responses: ok('AgentEntry[]') },
      },
      '/v1/admin/orgs/{org}/agents/{id}': {
        delete: { tags: ['admin'], summary: 'Remove an agent', responses: ok('{removed}') },
      },
      '/v1/admin/tokens': {
        ...post('Issue a service token for (org, service); the secret is shown once', issueTokenSchema, 'admin'),
        get: { tags: ['admin'], summary: 'Issued tokens (without secrets)', responses: ok('Token[]') },
      },
      '/v1/admin/tokens/{id}': { delete: { tags: ['admin'], summary: 'Revoke a token', responses: ok('{revoked}') } },
      '/v1/admin/whatsapp': {
        get: {
          tags: ['admin', 'whatsapp'],
          summary:
            'Whether the WhatsApp webhook and sender are on; the webhook counters and the outbox worker counters (never a secret)',
          responses: ok('{webhook, sender}'),
        },
      },
      '/v1/admin/whatsapp/resume': post(
        'Resume sending after a 190 token error, optionally with a new access token',
        resumeWhatsAppSchema,
        'whatsapp',
      ),
      '/webhooks/whatsapp': {
        get: {
          tags: ['whatsapp'],
          security: [],
          summary:
            "Meta's subscription challenge: 200 with hub.challenge when hub.verify_token is WHATSAPP_VERIFY_TOKEN, else 403. Served when WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN are set.",
          parameters: ['hub.mode', 'hub.verify_token', 'hub.challenge'].map((name) => ({
            name,
            in: 'query',
            required: true,
            schema: { type: 'string' },
          })),
          responses: {
            '200': { description: 'The challenge, as text', content: { 'text/plain': {} } },
            '403': { $ref: '#/components/responses/Error' },
          },
        },
        post: {
          tags: ['whatsapp'],
          security: [],
          summary:
            'A WhatsApp Cloud API delivery, authenticated by X-Hub-Signature-256 (HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET), no token. Stored (R15, R17) before the 200.',
          parameters: [
            {
              name: 'X-Hub-Signature-256',
              in: 'header',
              required: true,
              schema: { type: 'string', pattern: '^sha256=[0-9a-fA-F]{64}$' },
            },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: json(webhookPayloadSchema) } } },
          responses: {
            '200': { description: 'Stored: {ok, messages, statuses}', content: { 'application/json': {} } },
            '400': { $ref: '#/components/responses/Error' },
            '401': { $ref: '#/components/responses/Error' },
            '500': { description: 'Not stored; WhatsApp delivers again', content: { 'application/json': {} } },
          },
        },
      },
    },
  };
  return cached;
}
