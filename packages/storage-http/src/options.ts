// The options of createHttpStorage and createHttpDirectory, validated (R27) and exported so an
// integrator can check a configuration with the same schema.
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const httpClientOptionsSchema = z
  .object({
    /** The server's base URL, e.g. http://127.0.0.1:8787 */
    url: z.url({ protocol: /^https?$/, error: 'url: the server address, e.g. http://127.0.0.1:8787' }),
    /** A service token (acts as one service in one org) or the admin token. */
    token: z.string().min(1).max(512),
    /** A fetch implementation; the global fetch by default. */
    fetch: z.custom<FetchLike>((v) => typeof v === 'function', 'fetch: a function').optional(),
  })
  .strict();

export const httpStorageOptionsSchema = httpClientOptionsSchema
  .extend({
    /** Event streams reconnect after a delay that doubles from minMs up to maxMs, with jitter. */
    reconnect: z
      .object({ minMs: z.number().int().min(1).default(250), maxMs: z.number().int().min(1).default(5_000) })
      .strict()
      .default({ minMs: 250, maxMs: 5_000 }),
    /** Told about event-stream failures (the stream retries unless the server refused it). */
    onStreamError: z
      .custom<(error: unknown) => void>((v) => typeof v === 'function', 'onStreamError: a function')
      .optional(),
    /** Optional ChannelStorage capabilities the server's storage has (GET /health says; openHttpStorage reads it). */
    capabilities: z
      .object({
        timeline: z.boolean().default(false),
        cursors: z.boolean().default(false),
        /** R39 and issue 21: read markers (markRead) and the conversation list (conversations). */
        reads: z.boolean().default(false),
      })
      .strict()
      .default({ timeline: false, cursors: false, reads: false }),
  })
  .strict();

export type HttpClientOptions = z.input<typeof httpClientOptionsSchema>;
export type HttpStorageOptions = z.input<typeof httpStorageOptionsSchema>;

export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  return parseInput(schema, options, 'options');
}
