// zod schemas as the JSON Schemas (draft 2020-12, OpenAPI 3.1's dialect) of the document. Request
// bodies and parameters are converted inline as the routes accept them (io: input, so a field
// with a default is optional); answers as the routes send them (io: output), naming the schemas
// registered in schemas/named.ts (components.schemas) by $ref instead of repeating them.
import { z } from 'zod';
import { namedSchemas } from '../schemas/named';

export type JsonSchema = Record<string, unknown>;

const common = { target: 'draft-2020-12', unrepresentable: 'any' } as const;
const componentRef = (id: string) => `#/components/schemas/${id}`;

/** A request body or parameter, inline. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { ...common, io: 'input' });
  return rest;
}

/** An answer: a $ref when the schema is named, else inline with $refs to the named ones it holds. */
export function outputSchema(schema: z.ZodType): JsonSchema {
  const id = namedSchemas.get(schema)?.id;
  if (id) return { $ref: componentRef(id) };
  const { $schema: _, $defs, ...rest } = z.toJSONSchema(schema, { ...common, io: 'output', metadata: namedSchemas });
  // Every $def is a named schema, already in components.schemas: point there instead.
  for (const key of Object.keys($defs ?? {}))
    if (!componentIds().has(key)) throw new Error(`openapi: "${key}" is reused but not named (schemas/named.ts)`);
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/'));
}

/** components.schemas: every named schema, referring to the others by $ref. */
export function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(namedSchemas, { ...common, io: 'output', uri: componentRef });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _, $id: __, ...rest }]) => [id, rest as JsonSchema]),
  );
}

let ids: Set<string> | undefined;
const componentIds = () => (ids ??= new Set(Object.keys(componentSchemas())));
