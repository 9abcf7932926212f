// GET /openapi.json answers the document itself: described by its outline only, since OpenAPI's
// own schema is not ours to restate.
import { z } from 'zod';
import { named } from './named';

export const openApiShapeSchema = named(
  'OpenApiDocument',
  z
    .object({
      openapi: z.string(),
      info: z.object({ title: z.string(), version: z.string() }).loose(),
      paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    })
    .loose(),
  'An OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0)',
);
