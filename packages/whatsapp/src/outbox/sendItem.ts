// One outbox item, once: check the 24-hour window (text only), send with biz_opaque_callback_data
// naming the org, service and message (statuses route back, R17), then record the outcome in ONE
// write: `complete` with the provider id (never sent again), or `fail` with `retryAt` for codes
// that mean "not sent", without it for final ones. If that write itself fails after a send, the
// lease lapses and another claim sends again: the one repeat the Cloud API's lack of an
// idempotency key allows, counted by the worker.
import { OneNumberError, windowOpen, type OutboxStore } from '@onenumber/core';
import { encodeCallbackData } from '../send/callbackData';
import { backoffDelay, type Backoff } from '../send/backoff';
import { WhatsAppGraphError } from '../send/graphError';
import { templateSchema, type SendResult, type WhatsAppTransport } from '../send/transport';
import type { Clock } from '../time/clock';
import type { Random } from '../time/random';
import type { ClaimedItem } from './fairOutbox';

export type SendOutcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'retry'; code: number | string; retryAt: string }
  | { kind: 'failed'; code: number | string; windowClosed: boolean; auth: boolean }
  | { kind: 'unrecorded'; providerMessageId: string };

export interface SendContext {
  outbox: OutboxStore;
  transport: WhatsAppTransport;
  clock: Clock;
  random: Random;
  backoff: Backoff;
  maxAttempts: number;
  resolvePhoneNumberId?: ((number: string) => string | null | Promise<string | null>) | undefined;
  lastInboundAt?: ((item: ClaimedItem) => Promise<string | null>) | undefined;
}

type Failure = { code: number | string; title: string; retryable: boolean; auth?: boolean; windowClosed?: boolean };

function failureOf(error: unknown): Failure {
  if (WhatsAppGraphError.isGraphError(error)) {
    return {
      ...error.record,
      retryable: error.retryable,
      auth: error.kind === 'auth',
      windowClosed: error.kind === 'window-closed',
    };
  }
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

async function transmit(ctx: SendContext, item: ClaimedItem): Promise<SendResult> {
  const from = ctx.resolvePhoneNumberId ? await ctx.resolvePhoneNumberId(item.number) : item.number;
  if (!from) throw new OneNumberError('NOT_CONNECTED', `No WhatsApp phone_number_id is registered for ${item.number}.`);
  const bizOpaqueCallbackData = encodeCallbackData({ org: item.org, service: item.service, message: item.id });
  const once = { maxAttempts: 1 }; // the outbox retries durably, through the fair queue and the budget
  if (item.type === 'template') {
    const template = templateSchema.safeParse(item.raw);
    if (!template.success)
      throw new OneNumberError(
        'INVALID_INPUT',
        'The queued template is not a valid template (name, language, components).',
        { field: 'raw' },
      );
    return ctx.transport.sendTemplate(
      { from, to: item.customer, template: template.data, bizOpaqueCallbackData },
      once,
    );
  }
  if (item.type !== 'text' || item.text === null)
    throw new OneNumberError(
      'NOT_SUPPORTED',
      `Sending a "${item.type.slice(0, 32)}" message is not supported yet; send text or a template.`,
    );
  if (ctx.lastInboundAt && !windowOpen(await ctx.lastInboundAt(item), new Date(ctx.clock.now()).toISOString())) {
    throw new OneNumberError(
      'WINDOW_CLOSED',
      "The customer's 24-hour window closed before this reply went out: only an approved template may be sent now.",
      { details: { templateAllowed: true } },
    );
  }
  return ctx.transport.sendText({ from, to: item.customer, body: item.text, bizOpaqueCallbackData }, once);
}

export async function sendItem(ctx: SendContext, item: ClaimedItem): Promise<SendOutcome> {
  let result: SendResult;
  try {
    result = await transmit(ctx, item);
  } catch (error) {
    const failure = failureOf(error);
    const at = new Date(ctx.clock.now()).toISOString();
    const error_ = { code: failure.code, title: failure.title };
    if (failure.retryable && item.attempts < ctx.maxAttempts) {
      const retryAt = new Date(ctx.clock.now() + backoffDelay(item.attempts, ctx.backoff, ctx.random)).toISOString();
      await ctx.outbox.fail({ id: item.id, error: error_, retryAt, at });
      return { kind: 'retry', code: failure.code, retryAt };
    }
    await ctx.outbox.fail({ id: item.id, error: error_, at });
    return {
      kind: 'failed',
      code: failure.code,
      windowClosed: failure.windowClosed ?? false,
      auth: failure.auth ?? false,
    };
  }
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
