// One exchange with the Graph API (Meta's Cloud API reference): a POST with the bearer token and a
// JSON or multipart body, the answer read whole. A non-2xx answer becomes a typed Graph error
// decided by the code in its body (graphError.ts), keeping a `Retry-After` hint; no answer at all
// is a network error (whether WhatsApp took the request is unknown); a 2xx answer that does not
// have the expected shape is a bad response.
import type { z } from 'zod';
import { badResponseError, graphErrorFromResponse, networkError, retryAfterOf } from './graphError';

export interface GraphCall<S extends z.ZodType> {
  url: string;
  bearer: string;
  /** JSON (an object) or multipart (FormData: fetch writes its boundary). */
  body: unknown;
  /** The shape a 2xx answer must have. */
  answer: S;
  timeoutMs: number;
  fetch: typeof fetch;
  now: () => number;
}

export async function graphCall<S extends z.ZodType>(call: GraphCall<S>): Promise<z.output<S>> {
  const multipart = call.body instanceof FormData;
  let response: Response;
  let text: string;
  try {
    response = await call.fetch(call.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${call.bearer}`,
        ...(multipart ? {} : { 'content-type': 'application/json' }),
      },
      body: multipart ? (call.body as FormData) : JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    text = await response.text();
  } catch (cause) {
    throw networkError(cause);
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: decided below */
  }
  if (!response.ok)
    throw graphErrorFromResponse(response.status, json, retryAfterOf(response.headers.get('retry-after'), call.now()));
  const parsed = call.answer.safeParse(json);
  if (!parsed.success) throw badResponseError(response.status);
  return parsed.data;
}
