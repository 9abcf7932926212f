// The outbox on PostgreSQL (R16, core's OutboxStore), shared by every replica: replies are queued
// by appendReply in the same transaction; a claim takes due items with FOR UPDATE SKIP LOCKED and
// leases them, so each item is claimed by exactly one replica, and a replica that dies releases
// its claims when their lease expires. A completed item is never handed out again; a failure
// without retry marks the reply failed (status update and statusChanged events, R17).
import { OneNumberError, parseInput, type OutboxClaim, type OutboxItem, type OutboxStore } from '@onenumber/core';
import { fromJson, toJson } from '../common/rows';
import {
  outboxClaimSchema,
  outboxCompleteSchema,
  outboxFailSchema,
  providerMessageIdSchema,
  utc,
} from '../common/schemas';
import { applyStatus } from './applyStatus';
import type { PgHandle, PgTx } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export function outboxStore(h: PgHandle): OutboxStore {
  const itemOf = async (tx: PgTx, id: string) => {
    const item = await sql.lockItem.get(tx.client, id);
    if (!item) throw new OneNumberError('UNKNOWN_MESSAGE', `No queued reply "${id}".`);
    return item;
  };

  return {
    claim: (input: OutboxClaim): Promise<OutboxItem[]> =>
      guarded(async () => {
        const { limit, leaseMs, worker, now } = parseInput(outboxClaimSchema, input);
        const at = utc(now);
        const until = new Date(Date.parse(now) + leaseMs).toISOString();
        const rows = await h.write((tx) => sql.claimDue.all(tx.client, at, limit, worker, until));
        return rows
          .sort((a, b) => a.pos - b.pos)
          .map(({ pos: _pos, ...row }) => ({
            ...row,
            raw: fromJson<unknown>(row.raw, null, 'raw'),
            attempts: row.attempts + 1,
          }));
      }),

    complete: (input: { id: string; providerMessageId: string; at: string }): Promise<void> =>
      guarded(async () => {
        const { id, providerMessageId, at } = parseInput(outboxCompleteSchema, input);
        await h.write(async (tx) => {
          if ((await itemOf(tx, id)).state === 'sent') return; // recorded already: never sent again
          await sql.complete.run(tx.client, providerMessageId, utc(at), id);
          await sql.setProviderId.run(tx.client, providerMessageId, id);
        });
      }),

    fail: (input): Promise<void> =>
      guarded(async () => {
        const { id, error, retryAt, at } = parseInput(outboxFailSchema, input);
        await h.write(async (tx) => {
          const item = await itemOf(tx, id);
          if (item.state !== 'pending') return; // sent stays sent; failed stays failed
          if (retryAt !== undefined) {
            await sql.retryAt.run(tx.client, utc(retryAt), toJson(error), utc(at), id);
            return;
          }
          await sql.giveUp.run(tx.client, toJson(error), utc(at), id);
          await applyStatus(tx, (await sql.messageById.get(tx.client, id, item.org))!, 'failed', error, at);
        });
      }),

    findByProviderId: (providerMessageId: string): Promise<{ id: string; org: string } | null> =>
      guarded(async () => {
        const key = parseInput(providerMessageIdSchema, providerMessageId, 'providerMessageId');
        return (await sql.byProviderId.get(h.db, key)) ?? null;
      }),
  };
}
