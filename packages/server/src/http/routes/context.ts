// What every route shares: the authenticated principal on the context, and body reading that
// caps the size and turns bad JSON or a bad shape into INVALID_INPUT naming the field (R27). R35:
// a body that took a while to arrive is followed by a second look at its token (`recheck`), so a
// request whose token was revoked or expired while it was being sent is refused.
import type { IncomingMessage } from 'node:http';
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Principal, TokenGrant } from '../../db/ServerDatabase';

/** `nodeRequest`: the request's node stream, passed by startServer only (see readBytes). */
export type AppEnv = {
  Bindings: { nodeRequest?: IncomingMessage } | undefined;
  Variables: {
    principal: Principal;
    /** The stored token's grant (R35); null for the admin token from the options. */
    grant: TokenGrant | null;
    maxBodyBytes: number;
    /** Throws UNAUTHORIZED when the request's token is no longer valid (set for /v1 routes). */
    recheck?: () => Promise<void>;
  };
};

const tooLarge = (max: number) =>
  new OneNumberError('INVALID_INPUT', `The request body is larger than ${max} bytes.`, { field: 'body' });

/** Collects chunks, refusing as soon as they pass `max`. */
async function collect(chunks: AsyncIterable<Uint8Array>, max: number, cancel: () => void): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > max) {
      cancel();
      throw tooLarge(max);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/**
 * A node request's body. Past the limit it stops collecting but lets the rest drain (not
 * destroyed), so that the refusal can still be answered on the same connection.
 */
function fromNode(incoming: IncomingMessage, max: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= max) parts.push(chunk);
      else {
        incoming.off('data', onData).off('end', onEnd).off('error', onError);
        incoming.resume();
        reject(tooLarge(max));
      }
    };
    const onEnd = () => resolve(Buffer.concat(parts));
    const onError = (error: Error) => reject(error);
    incoming.on('data', onData).once('end', onEnd).once('error', onError);
  });
}

/**
 * The raw body, refused as soon as it passes the limit (declared or streamed). Under node it is
 * read from the request's own stream: wrapping it in a web ReadableStream cost more than the rest
 * of a small request's handling (bench profile: about a quarter of a webhook delivery's CPU).
 */
export async function readBytes(c: Context<AppEnv>, max: number): Promise<Uint8Array> {
  const bytes = await readRaw(c, max);
  await c.get('recheck')?.();
  return bytes;
}

async function readRaw(c: Context<AppEnv>, max: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > max) throw tooLarge(max);
  const incoming = c.env?.nodeRequest;
  if (incoming && typeof incoming.on === 'function' && !incoming.readableDidRead) return fromNode(incoming, max);
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
  return collect(chunks, max, () => void reader.cancel().catch(() => {}));
}

export async function readBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.output<S>> {
  const text = new TextDecoder().decode(await readBytes(c, c.var.maxBodyBytes));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OneNumberError('INVALID_INPUT', 'The request body is not valid JSON.', { field: 'body' });
  }
  return parseInput(schema, body, 'body');
}
