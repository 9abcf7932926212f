// Failures of the PostgreSQL dialect that are not the rules' refusals: which ones a write tries
// again (a serialization failure or a deadlock: the other transaction went first), and which
// driver failures mean "not reachable" (pg's own errors carry no SQLSTATE).
import { OneNumberError } from '@onenumber/core';
import { toOneNumberError } from '../common/errors';

const codeOf = (error: unknown): string => String((error as { code?: unknown })?.code ?? '');

export const isRetryable = (error: unknown): boolean => ['40001', '40P01'].includes(codeOf(error));

/** A short, growing, jittered pause before the next attempt. */
export const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.floor(Math.random() * 10)));

export const closedError = (): OneNumberError => new OneNumberError('STORAGE_UNAVAILABLE', 'The database is closed.');

const unreachable =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|not queryable/i;

/** Like shared toOneNumberError, knowing pg's code-less connection failures. */
export function toPgError(error: unknown): OneNumberError {
  if (
    !OneNumberError.isInstance(error) &&
    !codeOf(error) &&
    error instanceof Error &&
    unreachable.test(error.message)
  ) {
    return new OneNumberError('STORAGE_UNAVAILABLE', 'The connection to PostgreSQL was lost. Try again.');
  }
  return toOneNumberError(error);
}

/** Runs `fn`, turning any failure into a OneNumberError (as a rejection). */
export async function pgGuarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toPgError(error);
  }
}
