// One operation of the document, written once per route: its id, words, inputs, its answer and
// the refusals it can send. Bodies and answers are the zod schemas the routes use.
import type { z } from 'zod';
import { idSchema } from '../schemas/records';
import { inputSchema, outputSchema, type JsonSchema } from './jsonSchema';
import { refusals, storageVersionHeader, type RefusalStatus } from './refusals';

export type Tag = 'meta' | 'storage' | 'events' | 'directory' | 'admin' | 'whatsapp' | 'push';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description: string;
  schema: JsonSchema;
}

export interface OperationSpec {
  /** camelCase and stable: a generated client's method names come from it. */
  operationId: string;
  summary: string;
  description?: string;
  tags: Tag[];
  /** No bearer token (the open routes, the webhook signed by Meta). */
  open?: boolean;
  parameters?: Parameter[];
  body?: z.ZodType;
  /** The success: JSON of a zod schema, or another media type described by hand. */
  answer: { status?: 200 | 201; description: string } & (
    | { schema: z.ZodType }
    | { mediaType: string; jsonSchema: JsonSchema }
  );
  refusals: RefusalStatus[];
  /** Responses no shared refusal describes (the webhook's own). */
  extra?: Record<string, unknown>;
}

export function operation(spec: OperationSpec) {
  const { answer } = spec;
  const content =
    'schema' in answer
      ? { 'application/json': { schema: outputSchema(answer.schema) } }
      : { [answer.mediaType]: { schema: answer.jsonSchema } };
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    ...(spec.open ? { security: [] } : {}),
    ...(spec.parameters?.length ? { parameters: spec.parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(spec.body) } } } }
      : {}),
    responses: {
      [String(answer.status ?? 200)]: { description: answer.description, headers: storageVersionHeader, content },
      ...refusals(spec.refusals),
      ...spec.extra,
    },
  };
}

/** A path segment that is an id (an org, an agent, a token), checked like every id: 400 otherwise. */
export const idParameter = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: inputSchema(idSchema),
});

/** The refusals of every /v1 route: no valid token, a failure, the database unreachable. */
export const v1 = [401, 500, 503] as const satisfies RefusalStatus[];
