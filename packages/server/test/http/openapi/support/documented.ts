// Reading the document the way a client does: an operation's response for a status ($refs to
// components.responses followed), and a validator for a documented JSON Schema. The validator is
// zod's own converter back from JSON Schema (no other dependency), with the document's
// components.schemas as its $defs.
import { z } from 'zod';
import type { OpenApiDocument } from '../../../../src/http/openapi';

export interface DocumentedResponse {
  description: string;
  content?: Record<string, { schema?: object }>;
}

export interface DocumentedOperation {
  operationId: string;
  summary?: string;
  tags: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, DocumentedResponse | { $ref: string }>;
}

export const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Every operation: method, path and the operation object. */
export function operationsOf(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    methods
      .filter((method) => item[method])
      .map((method) => ({ method, path, operation: item[method] as DocumentedOperation })),
  );
}

export function documentedResponse(
  doc: OpenApiDocument,
  method: string,
  path: string,
  status: number,
): DocumentedResponse | undefined {
  const response = (doc.paths[path]?.[method] as DocumentedOperation | undefined)?.responses[String(status)];
  if (!response || !('$ref' in response)) return response;
  return doc.components.responses?.[response.$ref.replace('#/components/responses/', '')] as DocumentedResponse;
}

const toDefs = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/')) as T;

/** Validates values against the document's JSON Schemas (each converted once). */
export function schemaValidator(doc: OpenApiDocument) {
  const $defs = toDefs(doc.components.schemas);
  const converted = new Map<object, z.ZodType>();
  return (schema: object, value: unknown) => {
    let zod = converted.get(schema);
    if (!zod) converted.set(schema, (zod = z.fromJSONSchema({ ...toDefs(schema), $defs } as never)));
    return zod.safeParse(value);
  };
}
