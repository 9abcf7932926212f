// The outbox on SQLite (R16, core's OutboxStore): replies are queued by appendReply in the same
// transaction; workers lease due items, and a lease that expires lets another worker take a
// dead worker's items. A completed item is never handed out again; a failure without retry
// marks the reply failed (status update and statusChanged events, R17).
import { OneNumberError, parseInput, type OutboxClaim, type OutboxItem, type OutboxStore } from '@onenumber/core';
import { guarded } from '../common/errors';
import { fromJson, toJson } from '../common/rows';
import {
  outboxClaimSchema,
  outboxCompleteSchema,
  outboxFailSchema,
  providerMessageIdSchema,
  utc,
} from '../common/schemas';
import { applyStatus } from './applyStatus';
import type { SqliteHandle } from './connection';

export function outboxStore(h: SqliteHandle): OutboxStore {
  const { sql } = h;

  const itemOf = (id: string) => {
    const item = sql.itemById.get(id);
    if (!item) throw new OneNumberError('UNKNOWN_MESSAGE', `No queued reply "${id}".`);
    return item;
  };

  return {
    claim: (input: OutboxClaim): Promise<OutboxItem[]> =>
      guarded(() => {
        const { limit, leaseMs, worker, now } = parseInput(outboxClaimSchema, input);
        const at = utc(now);
        const until = new Date(Date.parse(now) + leaseMs).toISOString();
        return h.write(() =>
          sql.dueItems.all(at, at, limit).map((row) => {
            sql.lease.run(worker, until, at, row.id);
            return { ...row, raw: fromJson<unknown>(row.raw, null, 'raw'), attempts: row.attempts + 1 };
          }),
        );
      }),

    complete: (input: { id: string; providerMessageId: string; at: string }): Promise<void> =>
      guarded(() => {
        const { id, providerMessageId, at } = parseInput(outboxCompleteSchema, input);
        return h.write(() => {
          if (itemOf(id).state === 'sent') return; // recorded already: never sent again
          sql.complete.run(providerMessageId, utc(at), id);
          sql.setProviderId.run(providerMessageId, id);
        });
      }),

    fail: (input): Promise<void> =>
      guarded(() => {
        const { id, error, retryAt, at } = parseInput(outboxFailSchema, input);
        return h.write((emit) => {
          const item = itemOf(id);
          if (item.state !== 'pending') return; // sent stays sent; failed stays failed
          if (retryAt !== undefined) {
            sql.retryAt.run(utc(retryAt), toJson(error), utc(at), id);
            return;
          }
          sql.giveUp.run(toJson(error), utc(at), id);
          applyStatus(h, emit, sql.messageById.get(id, item.org)!, 'failed', error, at);
        });
      }),

    findByProviderId: (providerMessageId: string): Promise<{ id: string; org: string } | null> =>
      guarded(() => {
        const key = parseInput(providerMessageIdSchema, providerMessageId, 'providerMessageId');
        return sql.byProviderId.get(key) ?? null;
      }),
  };
}
