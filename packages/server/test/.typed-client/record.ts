// What the typed calls take, and what they saw: each answer's operation (openapi-fetch's
// schemaPath, the document's own path), status, media type and body, for the test to validate
// against the document. Free of the generated types, so the test file may import it.
import type { Middleware } from 'openapi-fetch';

export interface CallOptions {
  baseUrl: string;
  adminToken: string;
  /** X-Hub-Signature-256 of a webhook body, signed with the server's app secret. */
  sign(body: string): string;
  verifyToken: string;
}

export interface Exchange {
  method: string;
  path: string;
  status: number;
  mediaType: string;
  /** Parsed JSON, text, or null for an event stream (never read to its end). */
  body: unknown;
}

export function recorder(): { exchanges: Exchange[]; middleware: Middleware } {
  const exchanges: Exchange[] = [];
  const middleware: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const body =
        mediaType === 'text/event-stream'
          ? null
          : mediaType === 'application/json'
            ? await response.clone().json()
            : await response.clone().text();
      exchanges.push({
        method: request.method.toLowerCase(),
        path: schemaPath,
        status: response.status,
        mediaType,
        body,
      });
    },
  };
  return { exchanges, middleware };
}

export interface Called {
  exchanges: Exchange[];
  /** The `data:` of frames read from GET /v1/events: ChannelEvents, as the document says. */
  streamed: unknown[];
}

/** Reads an event stream up to its first `data:` frame, then closes it. */
export async function firstStreamedEvent(stream: ReadableStream<Uint8Array>): Promise<unknown> {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`the event stream ended before an event: ${text}`);
      text += value;
      const frame = text.split('\n\n').find((block) => block.includes('\ndata: '));
      if (frame) return JSON.parse(frame.slice(frame.indexOf('\ndata: ') + 7).split('\n')[0]!);
    }
  } finally {
    await reader.cancel();
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a success, or a throw naming what came instead. */
export function ok<T>(result: Result<T>): T {
  if (!result.response.ok)
    throw new Error(`${result.response.url}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** A refusal with this status and code, or a throw. */
export function refused(result: Result<unknown>, status: number, code: string): void {
  const error = result.error as { error?: string } | undefined;
  if (result.response.status !== status || error?.error !== code)
    throw new Error(
      `${result.response.url}: expected ${status} ${code}, got ${result.response.status} ${JSON.stringify(result.error)}`,
    );
}
