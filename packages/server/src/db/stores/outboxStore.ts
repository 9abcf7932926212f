// The outbox (R16, core's OutboxStore), written once for every dialect: replies are queued by
// appendReply in the same write; a claim leases due items (PostgreSQL: FOR UPDATE SKIP LOCKED, so
// replicas claiming at once never take the same item), and a lease that expires lets another
// worker take a dead worker's items. A completed item is never handed out again and moves its
// pending reply to `sent` (R38); a failure without retry marks the reply failed (status update and
// statusChanged events, R17).
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import type { OutboxClaim, OutboxItem, OutboxStore } from '@onenumber/core/storage-kit';
import { guarded } from '../common/errors';
import { fromJson, toJson } from '../common/rows';
import {
  outboxClaimSchema,
  outboxCompleteSchema,
  outboxFailSchema,
  providerMessageIdSchema,
  utc,
} from '../common/schemas';
import type { Runner } from '../port/runner';
import { all, one, run, type Steps } from '../port/steps';
import { applyStatus, orderMessage } from './statusStore';

function* itemOf(id: string): Steps<{ state: 'pending' | 'sent' | 'failed'; org: string }> {
  const item = yield* one('lockItem', id);
  if (!item) throw new OneNumberError('UNKNOWN_MESSAGE', `No queued reply "${id}".`);
  return item;
}

export function outboxStore(db: Runner): OutboxStore {
  return {
    claim: (input: OutboxClaim): Promise<OutboxItem[]> =>
      guarded(async () => {
        const { limit, leaseMs, worker, now } = parseInput(outboxClaimSchema, input);
        const at = utc(now);
        const until = new Date(Date.parse(now) + leaseMs).toISOString();
        const rows = await db.write(() => all('claimDue', at, limit, worker, until));
        return rows
          .sort((a, b) => a.pos - b.pos)
          .map(({ pos: _pos, ...row }) => ({
            ...row,
            raw: fromJson<unknown>(row.raw, null, 'raw'),
            attempts: row.attempts + 1,
          }));
      }),

    complete: (input: { id: string; providerMessageId: string; at: string }): Promise<void> =>
      guarded(() => {
        const { id, providerMessageId, at } = parseInput(outboxCompleteSchema, input);
        return db.write(function* () {
          yield* orderMessage(id); // R38: accepting it changes its status (an event in its conversation)
          const item = yield* itemOf(id);
          if (item.state === 'sent') return; // recorded already: never sent again
          yield* run('complete', providerMessageId, utc(at), id);
          yield* run('setProviderId', providerMessageId, id);
          yield* applyStatus((yield* one('messageById', id, item.org))!, 'sent', null, at); // R38: accepted
        });
      }),

    fail: (input): Promise<void> =>
      guarded(() => {
        const { id, error, retryAt, at } = parseInput(outboxFailSchema, input);
        return db.write(function* () {
          yield* orderMessage(id); // giving up changes its status (an event in its conversation)
          const item = yield* itemOf(id);
          if (item.state !== 'pending') return; // sent stays sent; failed stays failed
          if (retryAt !== undefined) {
            yield* run('retryAt', utc(retryAt), toJson(error), utc(at), id);
            return;
          }
          yield* run('giveUp', toJson(error), utc(at), id);
          yield* applyStatus((yield* one('messageById', id, item.org))!, 'failed', error, at);
        });
      }),

    findByProviderId: (providerMessageId: string): Promise<{ id: string; org: string } | null> =>
      guarded(() => {
        const key = parseInput(providerMessageIdSchema, providerMessageId, 'providerMessageId');
        return db.run(function* () {
          return (yield* one('byProviderId', key)) ?? null;
        });
      }),
  };
}
