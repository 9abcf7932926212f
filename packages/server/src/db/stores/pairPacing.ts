// Pacing per customer shared by every process on the database (issue 19; Meta's pair rate limit),
// so that replicas together keep each (number, customer) pair within its allowance (the worker's
// side is @onenumber/whatsapp's SharedCustomerPacer). A reservation is one statement on its own.
import type { PairPacingStore } from '@onenumber/whatsapp';
import { guarded } from '../common/errors';
import type { Runner } from '../port/runner';
import { one } from '../port/steps';

export function pairPacing(db: Runner): PairPacingStore {
  return {
    reserve: ({ number, customer, now, intervalMs, burst }) =>
      guarded(async () => {
        const row = await db.write(function* () {
          return yield* one('reservePairSend', number, customer, Math.floor(now), intervalMs, burst);
        });
        if (!row) throw new Error('the pacing upsert answered nothing');
        // Refused: the pair's next send may start when its arrival time is within the burst.
        return { granted: row.granted, readyAt: row.granted ? now : row.tatMs - (burst - 1) * intervalMs };
      }),
  };
}
