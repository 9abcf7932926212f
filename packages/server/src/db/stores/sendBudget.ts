// The send budget of every number, for a dialect shared by several replicas (PostgreSQL), so that
// replicas share WhatsApp's per-number limit instead of each sending at the full rate (issue 10;
// the worker's side is @onenumber/whatsapp's createSharedRateBudget). A reservation is one
// statement on its own.
import type { SendBudgetStore } from '@onenumber/whatsapp';
import { guarded } from '../common/errors';
import type { Runner } from '../port/runner';
import { one } from '../port/steps';

export function sendBudget(db: Runner): SendBudgetStore {
  return {
    reserve: ({ number, want, rate, burst }) =>
      guarded(() =>
        db.run(function* () {
          return (yield* one('reserveSends', number, want, rate, burst))?.granted ?? 0;
        }),
      ),
  };
}
