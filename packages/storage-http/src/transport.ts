// One JSON request to the OneNumber server. A refusal comes back as the same OneNumberError the
// server raised (OneNumberError.fromJSON, R27); a server that cannot be reached, or answers
// something that is not ours, is STORAGE_UNAVAILABLE; another interface version, STORAGE_MISMATCH.
import { OneNumberError, type OneNumberErrorJSON } from '@onenumber/core';
import { storageSpecificationVersion } from '@onenumber/core/storage-kit';
import type { FetchLike } from './options';

export interface Transport {
  readonly base: string;
  readonly token: string;
  readonly fetch: FetchLike;
  post<T>(path: string, body: unknown): Promise<T>;
  get<T>(path: string): Promise<T>;
}

const isErrorBody = (v: unknown): v is OneNumberErrorJSON =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { error?: unknown }).error === 'string' &&
  typeof (v as { message?: unknown }).message === 'string';

const unavailable = (base: string, why: string) =>
  new OneNumberError('STORAGE_UNAVAILABLE', `The OneNumber server at ${base} could not be used: ${why}.`);

/** Checks the interface version the server announces, then turns a refusal into its error. */
export async function readAnswer(response: Response, base: string): Promise<unknown> {
  const version = response.headers.get('onenumber-storage-version');
  if (version !== null && Number(version) !== storageSpecificationVersion) {
    throw new OneNumberError(
      'STORAGE_MISMATCH',
      `The server at ${base} implements storage specification ${version}; this client implements ${storageSpecificationVersion}. Install matching versions.`,
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw unavailable(base, 'the connection closed during the answer');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw unavailable(base, `it answered ${response.status} without a JSON body`);
  }
  if (response.ok) return body;
  if (isErrorBody(body)) throw OneNumberError.fromJSON(body);
  throw unavailable(base, `it answered ${response.status}`);
}

export function createTransport(options: { url: string; token: string; fetch?: FetchLike | undefined }): Transport {
  const base = options.url.replace(/\/+$/, '');
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  async function send<T>(path: string, init: { method: string; body?: string }): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
    } catch {
      throw unavailable(base, 'no answer (is it running, and is the URL right?)');
    }
    return (await readAnswer(response, base)) as T;
  }
  return {
    base,
    token: options.token,
    fetch: fetchImpl,
    post: <T>(path: string, body: unknown) => send<T>(path, { method: 'POST', body: JSON.stringify(body) }),
    get: <T>(path: string) => send<T>(path, { method: 'GET' }),
  };
}
