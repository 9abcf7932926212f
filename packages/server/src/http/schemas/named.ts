// The response schemas the OpenAPI document names (its components.schemas): each registers here
// under the name a generated client gives its type. A registry of our own, not zod's global one,
// so that request bodies (converted without it) stay inline and core's schemas carry no metadata.
import { z } from 'zod';

export const namedSchemas = z.registry<{ id: string; description?: string }>();

/** Registers `schema` as components.schemas[id] and returns it unchanged. */
export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  namedSchemas.add(schema, description ? { id, description } : { id });
  return schema;
}

/** A moment as the server writes it: ISO 8601 with its offset (the `at` of records and events). */
export const instantSchema = named('Instant', z.iso.datetime({ offset: true }), 'An ISO 8601 date-time');
