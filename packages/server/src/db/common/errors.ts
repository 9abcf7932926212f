// R27: nothing leaves the database layer as a bare driver error. Our own refusals pass through;
// a lock held too long is STORAGE_UNAVAILABLE (try again); a constraint that caught a race we
// did not foresee is CONFLICT; anything else is INTERNAL. Driver messages are not passed on:
// they can quote SQL values, and values can be message text (R20).
import { OneNumberError } from '@onenumber/core';

const codeOf = (error: unknown): string => String((error as { code?: unknown })?.code ?? '');

/**
 * PostgreSQL (SQLSTATE) and socket codes that mean "not now": no connection (class 08, a server
 * shutting down 57P0x, a refused or cut socket), a lock or statement timeout (55P03, 57014), or a
 * serialization failure or deadlock still there after the dialect's retries (40001, 40P01).
 */
const postgresUnavailable = (code: string): boolean =>
  code.startsWith('08') ||
  /^57P0[1-3]$/.test(code) ||
  ['55P03', '57014', '40001', '40P01', '53300'].includes(code) ||
  ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(code);

export function toOneNumberError(error: unknown): OneNumberError {
  if (OneNumberError.isInstance(error)) return error;
  const code = codeOf(error);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new OneNumberError(
      'STORAGE_UNAVAILABLE',
      'The database stayed locked by another process for too long. Try again.',
    );
  }
  if (postgresUnavailable(code)) {
    return new OneNumberError(
      'STORAGE_UNAVAILABLE',
      'PostgreSQL could not be reached, or was too busy to answer in time. Try again.',
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT') || code === '23505') {
    return new OneNumberError('CONFLICT', 'Another write changed the same record at the same moment. Try again.');
  }
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
    return new OneNumberError('STORAGE_UNAVAILABLE', 'The database is closed.');
  }
  return new OneNumberError('INTERNAL', undefined, code ? { details: { driver: code } } : {});
}

/** Runs `fn`, turning any failure into a OneNumberError (as a rejection). */
export async function guarded<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toOneNumberError(error);
  }
}
