// core's OutboxStore in memory, with the optional claimFair and `reclaimed` (fairOutbox.ts): for
// tests, the simulator and single-process apps. The durable one is the server's (SQLite).
// Semantics match it: oldest first; a lease that lapses lets another worker claim the item; a
// completed item is never handed out again; a failure without retryAt is final.
import { OneNumberError } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import type { OutboxItem } from '@onenumber/core/storage-kit';
import { z } from 'zod';
import type { ClaimedItem, FairOutboxStore } from './fairOutbox';

const iso = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(128);
const errorSchema = z.object({ code: z.union([z.number(), z.string().max(64)]), title: z.string().max(500) }).strict();

export const outboxEnqueueSchema = z
  .object({
    id,
    org: id,
    number: z.string().min(1).max(64),
    customer: z.string().min(1).max(160),
    service: z.string().min(1).max(32),
    type: z.string().min(1).max(32),
    text: z.string().max(65536).nullable(),
    raw: z.unknown(),
    at: iso,
  })
  .strict();
const claimSchema = z
  .object({
    limit: z.number().int().min(1).max(10_000),
    leaseMs: z.number().int().min(1).max(86_400_000),
    worker: z.string().min(1).max(128),
    now: iso,
    perService: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();
const completeSchema = z.object({ id, providerMessageId: z.string().min(1).max(256), at: iso }).strict();
const failSchema = z.object({ id, error: errorSchema, retryAt: iso.optional(), at: iso }).strict();

export type OutboxState = 'pending' | 'sent' | 'failed';

export interface OutboxRow {
  item: Omit<OutboxItem, 'attempts'>;
  state: OutboxState;
  attempts: number;
  dueAt: number;
  leaseWorker: string | null;
  leaseUntil: number | null;
  providerMessageId: string | null;
  lastError: { code: number | string; title: string } | null;
}

export interface MemoryOutbox extends FairOutboxStore {
  claimFair(input: Parameters<NonNullable<FairOutboxStore['claimFair']>>[0]): Promise<ClaimedItem[]>;
  /** Queues an accepted reply (what the durable store does inside appendReply's transaction). */
  enqueue(item: z.input<typeof outboxEnqueueSchema>): void;
  /** A copy of every row, in queue order. */
  rows(): OutboxRow[];
}

export interface MemoryOutboxOptions {
  /** Told when an item fails for good, e.g. to mark the stored reply failed (updateStatus, R17). */
  onGiveUp?: (
    item: Omit<OutboxItem, 'attempts'>,
    error: { code: number | string; title: string },
  ) => void | Promise<void>;
}

export function createMemoryOutbox(options: MemoryOutboxOptions = {}): MemoryOutbox {
  const rows = new Map<string, OutboxRow>();
  const byProvider = new Map<string, string>();

  const rowOf = (key: string) => {
    const row = rows.get(key);
    if (!row) throw new OneNumberError('UNKNOWN_MESSAGE', `No queued reply "${key}".`);
    return row;
  };

  function claim(input: z.input<typeof claimSchema>): ClaimedItem[] {
    const { limit, leaseMs, worker, now, perService } = parseInput(claimSchema, input);
    const at = Date.parse(now);
    const taken = new Map<string, number>();
    const claimed: ClaimedItem[] = [];
    for (const row of rows.values()) {
      if (claimed.length >= limit) break;
      if (row.state !== 'pending' || row.dueAt > at || (row.leaseUntil !== null && row.leaseUntil > at)) continue;
      const pair = `${row.item.number}\u0000${row.item.service}`;
      if (perService !== undefined && (taken.get(pair) ?? 0) >= perService) continue;
      taken.set(pair, (taken.get(pair) ?? 0) + 1);
      const reclaimed = row.leaseUntil !== null;
      row.leaseWorker = worker;
      row.leaseUntil = at + leaseMs;
      row.attempts++;
      claimed.push({ ...row.item, attempts: row.attempts, reclaimed });
    }
    return claimed;
  }

  return {
    claim: async (input) => claim(input),
    claimFair: async (input) => claim(input),

    async complete(input) {
      const { id: key, providerMessageId } = parseInput(completeSchema, input);
      const row = rowOf(key);
      if (row.state === 'sent') return; // recorded already: never sent again
      Object.assign(row, { state: 'sent', providerMessageId, leaseWorker: null, leaseUntil: null, lastError: null });
      byProvider.set(providerMessageId, key);
    },

    async fail(input) {
      const { id: key, error, retryAt } = parseInput(failSchema, input);
      const row = rowOf(key);
      if (row.state !== 'pending') return; // sent stays sent; failed stays failed
      Object.assign(row, { leaseWorker: null, leaseUntil: null, lastError: error });
      if (retryAt !== undefined) {
        row.dueAt = Date.parse(retryAt);
        return;
      }
      row.state = 'failed';
      await options.onGiveUp?.(row.item, error);
    },

    async findByProviderId(providerMessageId) {
      const key = byProvider.get(providerMessageId);
      return key ? { id: key, org: rows.get(key)!.item.org } : null;
    },

    enqueue(input) {
      const item = parseInput(outboxEnqueueSchema, input, 'item');
      if (rows.has(item.id)) return; // queued once
      rows.set(item.id, {
        item,
        state: 'pending',
        attempts: 0,
        dueAt: Date.parse(item.at),
        leaseWorker: null,
        leaseUntil: null,
        providerMessageId: null,
        lastError: null,
      });
    },

    rows: () => [...rows.values()].map((row) => ({ ...row, item: { ...row.item } })),
  };
}
