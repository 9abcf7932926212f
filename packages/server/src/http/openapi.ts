// GET /openapi.json: the OpenAPI 3.1 document, generated from the same zod schemas that validate
// the requests and type the answers (zod 4's toJSONSchema), so the document cannot drift from the
// server. Every operation has a stable operationId, its inputs, its answer and the refusals it can
// send; test/http/openapi checks it against the mounted routes, lints it (redocly) and types and
// calls a client generated from it (openapi-typescript, openapi-fetch).
import { storageSpecificationVersion } from '@onenumber/core/storage-kit';
import { directoryPaths } from './contract/directoryPaths';
import { eventsPath } from './contract/eventsPath';
import { componentSchemas } from './contract/jsonSchema';
import { metaPaths } from './contract/metaPaths';
import type { Tag } from './contract/operation';
import { refusalComponents } from './contract/refusals';
import { storagePaths } from './contract/storagePaths';
import { tokenPaths } from './contract/tokenPaths';
import { whatsAppPaths } from './whatsapp/whatsAppContract';
import { pushPaths } from './push/pushPaths';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string; description: string }[];
  tags: { name: Tag; description: string }[];
  security: Record<string, string[]>[];
  components: Record<string, Record<string, unknown>>;
  paths: Record<string, Record<string, unknown>>;
}

const tags: OpenApiDocument['tags'] = [
  { name: 'meta', description: 'The server itself: liveness and this document. No token.' },
  {
    name: 'storage',
    description:
      'The ChannelStorage interface over HTTP, one POST per method (@onenumber/storage-http is its client). Answers are projected for the token’s service (R17, R18, R20).',
  },
  { name: 'events', description: "Server-Sent Events: a service's events, live and resumable." },
  { name: 'directory', description: "The directory's read side: a service reads its own org only." },
  { name: 'admin', description: 'The admin token only: the directory’s write side, tokens, the WhatsApp transport.' },
  { name: 'whatsapp', description: 'The WhatsApp Cloud API transport: its webhook and its state.' },
  {
    name: 'push',
    description: "Push delivery (R34): each service's events POSTed to its own endpoints, signed (Standard Webhooks).",
  },
];

function build(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'OneNumber server',
      version: `storage-spec-${storageSpecificationVersion}`,
      description:
        'Several services sharing one WhatsApp Business number: the ChannelStorage interface over HTTP, the directory, scoped tokens, real-time events. Every refusal is `{error, message}` with a stable code (R27); each status carries the codes listed in its response.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative: the origin the document was fetched from. A server mounted under a prefix (or behind
    // a proxy) is reached at its own base URL, which a client names itself (openapi-fetch: baseUrl).
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags,
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token, or a service token issued by POST /v1/admin/tokens.',
        },
      },
      headers: {
        StorageVersion: {
          description: 'The ChannelStorage specification version this server implements (on every response)',
          schema: { type: 'integer', const: storageSpecificationVersion },
        },
      },
      schemas: componentSchemas(),
      responses: refusalComponents(),
    },
    paths: {
      ...metaPaths(),
      ...storagePaths(),
      ...eventsPath(),
      ...directoryPaths(),
      ...tokenPaths(),
      ...whatsAppPaths(),
      ...pushPaths(),
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document (built once). */
export const openApiDocument = (): OpenApiDocument => (cached ??= build());
