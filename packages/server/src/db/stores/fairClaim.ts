// The outbox's optional claimFair (core's OutboxStore, R16), for a dialect whose SQL offers it
// (SQLite): due items, oldest first, at most `perService` of each (number, service) per claim, so
// one service's flood cannot fill the worker's window and keep another service's replies waiting;
// each says whether it was `reclaimed` (an earlier lease lapsed with neither complete nor fail
// recorded: the transport counts a send of it as a possible repeat). Leased in the same write as
// it is chosen.
import { parseInput } from '@onenumber/core/schemas';
import type { OutboxClaim, OutboxItem } from '@onenumber/core/storage-kit';
import { z } from 'zod';
import { guarded } from '../common/errors';
import { fromJson } from '../common/rows';
import { outboxClaimSchema, utc } from '../common/schemas';
import type { Runner } from '../port/runner';
import { all, run } from '../port/steps';

export const outboxFairClaimSchema = outboxClaimSchema
  .extend({ perService: z.number().int().min(1).max(1000) })
  .strict();

export function fairClaim(db: Runner) {
  return (input: OutboxClaim & { perService: number }): Promise<OutboxItem[]> =>
    guarded(() => {
      const { limit, leaseMs, worker, now, perService } = parseInput(outboxFairClaimSchema, input);
      const at = utc(now);
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      return db.write(function* () {
        const items: OutboxItem[] = [];
        for (const { reclaimed, ...row } of yield* all('dueItemsFair', at, perService, limit)) {
          yield* run('lease', worker, until, at, row.id);
          items.push({ ...row, raw: fromJson<unknown>(row.raw, null, 'raw'), attempts: row.attempts + 1, reclaimed });
        }
        return items;
      });
    });
}
