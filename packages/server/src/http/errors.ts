// R27: every refusal crosses HTTP as `{ error: CODE, message }` with a status that fits it. A
// rule's refusal keeps its code; anything unexpected is 500 INTERNAL and leaks no internals.
import { OneNumberError, type ErrorCode } from '@onenumber/core';

const statusByCode: Partial<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  INVALID_NUMBER: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_ORG: 404,
  UNKNOWN_AGENT: 404,
  UNKNOWN_CONVERSATION: 404,
  UNKNOWN_MESSAGE: 404,
  UNKNOWN_LABEL: 404,
  CONFLICT: 409,
  STORAGE_UNAVAILABLE: 503,
  STORAGE_MISMATCH: 500,
  NOT_SUPPORTED: 501,
  INTERNAL: 500,
};

/** The HTTP status of an error code: the rules' own refusals (R5, R8, R9, R24, R25...) are 422. */
export function statusOf(code: ErrorCode): number {
  return statusByCode[code] ?? 422;
}

/** Any thrown value as a OneNumberError that is safe to send: a foreign error becomes INTERNAL. */
export function toPublicError(error: unknown): OneNumberError {
  if (OneNumberError.isInstance(error) && error.code !== 'INTERNAL') return error;
  return new OneNumberError('INTERNAL'); // never the cause, a driver code or a stack
}

/** A short, text-free label for a log line (never a message: it might quote input). */
export function errorLabel(error: unknown): string {
  if (OneNumberError.isInstance(error)) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.slice(0, 40) : ((error as Error | null)?.name ?? 'unknown');
}

export function errorResponse(error: OneNumberError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(error.toJSON()), {
    status: statusOf(error.code),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
