// The outbox's optional claimFair on SQLite (core's OutboxStore, R16): due items, oldest first,
// at most `perService` of each (number, service) per claim, so one service's flood cannot fill
// the worker's window and keep another service's replies waiting; each says whether it was
// `reclaimed` (an earlier lease lapsed with neither complete nor fail recorded: the transport
// counts a send of it as a possible repeat). Leased in the same write as it is chosen.
import { parseInput, type OutboxClaim, type OutboxItem } from '@onenumber/core';
import { z } from 'zod';
import { guarded } from '../common/errors';
import { fromJson } from '../common/rows';
import { outboxClaimSchema, utc } from '../common/schemas';
import type { SqliteHandle } from './connection';

export const outboxFairClaimSchema = outboxClaimSchema
  .extend({ perService: z.number().int().min(1).max(1000) })
  .strict();

export function fairClaim(h: SqliteHandle) {
  return (input: OutboxClaim & { perService: number }): Promise<OutboxItem[]> =>
    guarded(() => {
      const { limit, leaseMs, worker, now, perService } = parseInput(outboxFairClaimSchema, input);
      const at = utc(now);
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      return h.write(() =>
        h.sql.dueItemsFair.all(at, at, perService, limit).map(({ reclaimed, ...row }) => {
          h.sql.lease.run(worker, until, at, row.id);
          return {
            ...row,
            raw: fromJson<unknown>(row.raw, null, 'raw'),
            attempts: row.attempts + 1,
            reclaimed: reclaimed === 1,
          };
        }),
      );
    });
}
