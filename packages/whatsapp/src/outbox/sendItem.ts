// One outbox item, once (R16, R38; Meta's Cloud API docs, "Error codes", "Pair rate limits"):
// send it as its kind (transmit.ts) with biz_opaque_callback_data naming the org, service and
// message (statuses route back, R17), then record the outcome in ONE write:
// - `complete` with the provider id (never sent again);
// - an account refusal (190, 131031, 131042, 368) is `held`: `fail` with `retryAt` now, so the
//   stored reply keeps its status and the item stays queued in its place; the worker pauses and
//   sends it again after `resume`, before later replies;
// - a rate limit (131056 pair rate, 130429 throughput, 80007, 4) is retried after the documented
//   wait (retryWait.ts), never given up and not counted among the item's attempts;
// - another code meaning "not sent" is retried with backoff until `maxAttempts`; a final one fails.
// If the write itself fails after a send, the lease lapses and another claim sends again: the one
// repeat the Cloud API's lack of an idempotency key allows, counted by the worker.
import { OneNumberError } from '@onenumber/core';
import type { OutboxStore } from '@onenumber/core/storage-kit';
import type { Backoff } from '../send/backoff';
import { WhatsAppGraphError } from '../send/graphError';
import { retryWait } from '../send/retryWait';
import type { SendResult } from '../send/transport';
import type { Random } from '../time/random';
import type { ClaimedItem } from './fairOutbox';
import { transmit, type TransmitContext } from './transmit';

export type SendOutcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'retry'; code: number | string; retryAt: string; limit: 'pair' | 'throughput' | 'other' | null }
  | { kind: 'held'; code: number | string; retryAt: string }
  | { kind: 'failed'; code: number | string; windowClosed: boolean }
  | { kind: 'unrecorded'; providerMessageId: string };

/** What the worker remembers of an item between its claims: attempts not counted, and its last rate limit. */
export interface RetryNote {
  /** Claims that ended in a rate limit or an account refusal: not counted against `maxAttempts`. */
  free: number;
  /** The last rate-limit code, and how many times in a row it refused this item. */
  code: number | null;
  hits: number;
}

export interface SendContext extends TransmitContext {
  outbox: OutboxStore;
  random: Random;
  backoff: Backoff;
  maxAttempts: number;
  notes: Map<string, RetryNote>;
}

type Failure = { code: number | string; title: string; retryable: boolean; windowClosed?: boolean };

function failureOf(error: unknown): Failure {
  if (WhatsAppGraphError.isGraphError(error))
    return { ...error.record, retryable: error.retryable, windowClosed: error.kind === 'window-closed' };
  if (OneNumberError.isInstance(error)) {
    // Not connected / no phone_number_id yet: a setup step may still fix it. Bad input never will.
    return {
      code: error.code,
      title: error.message.slice(0, 500),
      retryable: error.code === 'NOT_CONNECTED',
      windowClosed: error.code === 'WINDOW_CLOSED',
    };
  }
  return { code: 'TRANSPORT_ERROR', title: 'The transport failed unexpectedly.', retryable: true };
}

const limitOf = (code: number | null): 'pair' | 'throughput' | 'other' =>
  code === 131056 ? 'pair' : code === 130429 ? 'throughput' : 'other';

async function refused(ctx: SendContext, item: ClaimedItem, error: unknown): Promise<SendOutcome> {
  const now = ctx.clock.now();
  const at = new Date(now).toISOString();
  const note = ctx.notes.get(item.id) ?? { free: 0, code: null, hits: 0 };
  const failure = failureOf(error);
  const record = { code: failure.code, title: failure.title };
  const graph = WhatsAppGraphError.isGraphError(error) ? error : null;

  if (graph?.accountRefusal) {
    ctx.notes.set(item.id, { ...note, free: note.free + 1 });
    await ctx.outbox.fail({ id: item.id, error: record, retryAt: at, at }); // queued in its place, not failed
    return { kind: 'held', code: failure.code, retryAt: at };
  }
  if (graph?.kind === 'rate-limit') {
    const hits = note.code === graph.graphCode ? note.hits : 0;
    const wait = retryWait(graph, { attempt: hits + 1, earlierHits: hits }, ctx.backoff, ctx.random);
    const retryAt = new Date(now + wait).toISOString();
    ctx.notes.set(item.id, { free: note.free + 1, code: graph.graphCode, hits: hits + 1 });
    await ctx.outbox.fail({ id: item.id, error: record, retryAt, at });
    return { kind: 'retry', code: failure.code, retryAt, limit: limitOf(graph.graphCode) };
  }
  const attempt = Math.max(1, item.attempts - note.free);
  if (failure.retryable && attempt < ctx.maxAttempts) {
    const hint = { graphCode: null, retryAfterMs: graph?.retryAfterMs ?? null };
    const retryAt = new Date(now + retryWait(hint, { attempt, earlierHits: 0 }, ctx.backoff, ctx.random));
    ctx.notes.set(item.id, { ...note, code: null, hits: 0 });
    await ctx.outbox.fail({ id: item.id, error: record, retryAt: retryAt.toISOString(), at });
    return { kind: 'retry', code: failure.code, retryAt: retryAt.toISOString(), limit: null };
  }
  ctx.notes.delete(item.id);
  await ctx.outbox.fail({ id: item.id, error: record, at });
  return { kind: 'failed', code: failure.code, windowClosed: failure.windowClosed ?? false };
}

export async function sendItem(ctx: SendContext, item: ClaimedItem): Promise<SendOutcome> {
  let result: SendResult;
  try {
    result = await transmit(ctx, item);
  } catch (error) {
    return refused(ctx, item, error);
  }
  ctx.notes.delete(item.id);
  try {
    await ctx.outbox.complete({
      id: item.id,
      providerMessageId: result.id,
      at: new Date(ctx.clock.now()).toISOString(),
    });
    return { kind: 'sent', providerMessageId: result.id };
  } catch {
    return { kind: 'unrecorded', providerMessageId: result.id }; // sent, not recorded: the lease will lapse
  }
}
