// Event and timeline cursors, as every dialect gives them out: the decimal id of a stored row.
import { OneNumberError } from '@onenumber/core';
import { z } from 'zod';

export { toChannelEvent } from './storedEvents';

/**
 * A cursor is an event id this database gave out (a decimal integer below 2^53: PostgreSQL's
 * positions are large, eventPositionSchema.ts); absent means the start.
 */
export function parseCursor(after: string | undefined): number | null {
  if (after === undefined) return null;
  if (!/^[0-9]{1,16}$/.test(after) || !Number.isSafeInteger(Number(after)))
    throw new OneNumberError('INVALID_INPUT', 'after: an event cursor is the id of an event this server sent', {
      field: 'after',
    });
  return Number(after);
}

/** How many events or timeline entries one read may ask for. */
export const readLimitSchema = z.number().int().min(1).max(100_000).optional();
