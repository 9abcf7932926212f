// The send budget of every number, in PostgreSQL, so that replicas share WhatsApp's per-number
// limit instead of each sending at the full rate (issue 10; the worker's side is
// @onenumber/whatsapp's createSharedRateBudget). A reservation is one autocommit statement.
import type { SendBudgetStore } from '@onenumber/whatsapp';
import type { PgHandle } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export function sendBudget(h: PgHandle): SendBudgetStore {
  return {
    reserve: ({ number, want, rate, burst }) =>
      guarded(async () => (await sql.reserve.get(h.db, number, want, rate, burst))?.granted ?? 0),
  };
}
