// What every route shares: the authenticated principal on the context, and body reading that
// caps the size and turns bad JSON or a bad shape into INVALID_INPUT naming the field (R27).
import { OneNumberError, parseInput } from '@onenumber/core';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Principal } from '../../db/ServerDatabase';

export type AppEnv = { Variables: { principal: Principal; maxBodyBytes: number } };

const tooLarge = (max: number) => new OneNumberError('INVALID_INPUT', `The request body is larger than ${max} bytes.`, { field: 'body' });

/** The body as text, refused as soon as it passes the limit (declared or streamed). */
async function readText(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) throw tooLarge(max);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function readBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const text = await readText(c.req.raw, c.var.maxBodyBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OneNumberError('INVALID_INPUT', 'The request body is not valid JSON.', { field: 'body' });
  }
  return parseInput(schema, body, 'body');
}
