// GET /health: liveness without touching the database, what the server speaks and has.
import { z } from 'zod';
import { named } from './named';

export const healthSchema = named(
  'Health',
  z.object({
    ok: z.literal(true),
    specificationVersion: z.number().int(),
    dialect: z.enum(['sqlite', 'postgres']),
    /** The optional storage methods this server has (issue 9). */
    capabilities: z.object({ timeline: z.boolean(), cursors: z.boolean(), reads: z.boolean() }),
    whatsapp: z.object({ webhook: z.boolean(), sender: z.boolean() }),
  }),
);
