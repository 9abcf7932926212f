// R15, R17, R27, R36, R37: the glue from a webhook batch into OneNumber's core: inbound messages
// through `receive` (the wamid is the dedupe key, R15: a redelivery is stored once) and statuses
// through `updateStatus` (which only moves forward, R17: read before delivered still ends in
// read). A status is routed to its stored reply by the provider id recorded when the send
// completed, or else by our biz_opaque_callback_data; a status for a wamid neither knows is
// skipped and counted. A message is stored with a type from core's closed list (R27), a raw object
// within core's bounds (R36) carrying its typed content under `raw.onenumber` (storedMessage.ts),
// and, when it is not text, its summary as `text`. A message or status core refuses for good
// (INVALID_INPUT, e.g. a lone surrogate in an id) is counted as rejected and the rest is stored:
// only a storage failure fails the delivery (WhatsApp would redeliver it for 7 days).
import { normaliseNumber, OneNumberError, type OneNumber } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import { decodeCallbackData } from '../send/callbackData';
import type { InboundMessage, StatusReport, WebhookBatch, WebhookOrigin } from './normaliseWebhook';
import { storedMessage } from './storedMessage';
import { emptyIngestReport, type IngestReport } from './webhookCounters';

export type { IngestReport } from './webhookCounters';

/** What one ingest did: its counts, and (unroutable `park`, R29) the phone_number_ids no org owns yet. */
export interface IngestOutcome extends IngestReport {
  unowned: string[];
}

export type IngestTarget = Pick<OneNumber, 'receive' | 'updateStatus'>;

export interface IngestIntoOptions {
  /** The business number (E.164) behind a phone_number_id, or null when none is registered. */
  resolveNumber: (origin: WebhookOrigin) => string | null | Promise<string | null>;
  /** The stored reply a provider message id belongs to (e.g. `OutboxStore.findByProviderId`). */
  findByProviderId?: (providerMessageId: string) => Promise<{ id: string; org: string } | null>;
  /**
   * A message for a number nobody connected: `reject` (default) fails the delivery so WhatsApp
   * sends it again later (nothing lost while the number is being registered); `skip` counts it;
   * `park` (R29) names its phone_number_id in the outcome's `unowned`, for the webhook to park.
   */
  unroutable?: 'reject' | 'skip' | 'park';
}

/** resolveNumber for simple setups: trust the display number Meta signs into each delivery. */
export const resolveByDisplayNumber = (origin: WebhookOrigin): string | null =>
  normaliseNumber(`+${origin.displayPhoneNumber.replace(/[^0-9]/g, '')}`);

// R38: `sent` moves a reply still pending (the outbox's complete usually got there first).
const tracked = new Set(['sent', 'delivered', 'read', 'failed']);

const fn = (v: unknown) => typeof v === 'function';

export const ingestIntoOptionsSchema = z
  .object({
    resolveNumber: z.custom<IngestIntoOptions['resolveNumber']>(fn, 'resolveNumber must be a function'),
    findByProviderId: z
      .custom<NonNullable<IngestIntoOptions['findByProviderId']>>(fn, 'findByProviderId must be a function')
      .optional(),
    unroutable: z.enum(['reject', 'skip', 'park']).default('reject'),
  })
  .strict();

export function ingestInto(one: IngestTarget, input: IngestIntoOptions) {
  if (typeof one?.receive !== 'function' || typeof one?.updateStatus !== 'function') {
    throw new OneNumberError('INVALID_INPUT', 'ingestInto needs OneNumber (receive, updateStatus)', {
      field: 'onenumber',
    });
  }
  const options = parseInput(ingestIntoOptionsSchema, input, 'options');
  const unroutable = options.unroutable;

  const permanent = (error: unknown) => OneNumberError.isInstance(error) && error.code === 'INVALID_INPUT';

  async function receiveOne(message: InboundMessage, report: IngestReport, unowned: Set<string>) {
    const number = await options.resolveNumber(message);
    const refuse = (why: string) => {
      if (unroutable === 'skip') return void report.messages.unroutable++;
      if (unroutable === 'park') return void unowned.add(message.phoneNumberId);
      throw new OneNumberError('NOT_CONNECTED', why, { details: { phoneNumberId: message.phoneNumberId } });
    };
    if (!number)
      return refuse(
        `No business number is registered for phone_number_id ${message.phoneNumberId}. Register it, and WhatsApp's next delivery is stored.`,
      );
    try {
      const { record, omitted } = storedMessage(message);
      const result = await one.receive({ number, ...record });
      if (omitted) report.notes.rawOmitted++;
      if (message.unattributed) report.notes.unattributed++;
      if (result.duplicate) report.messages.duplicates++;
      else report.messages.received++;
    } catch (error) {
      if (OneNumberError.isInstance(error) && error.code === 'NOT_CONNECTED')
        return refuse(`${number} is not connected in any org.`);
      if (permanent(error)) return void report.notes.rejected++;
      throw error;
    }
  }

  async function routeOf(status: StatusReport): Promise<{ org: string; message: string } | null> {
    const stored = await options.findByProviderId?.(status.id);
    if (stored) return { org: stored.org, message: stored.id };
    const ours = decodeCallbackData(status.bizOpaqueCallbackData);
    return ours ? { org: ours.org, message: ours.message } : null;
  }

  async function applyOne(status: StatusReport, report: IngestReport) {
    if (!tracked.has(status.status)) return void report.statuses.ignored++;
    let route: Awaited<ReturnType<typeof routeOf>>;
    try {
      route = await routeOf(status); // a wamid the lookup refuses for good (too long) is rejected, not a failure
    } catch (err) {
      if (permanent(err)) return void report.notes.rejected++;
      throw err;
    }
    if (!route) return void report.statuses.unknown++;
    const first = status.errors[0];
    const error =
      status.status === 'failed'
        ? {
            code: first?.code ?? 'unknown',
            title: (first?.title ?? 'WhatsApp reported the message as failed').slice(0, 500),
          }
        : undefined;
    try {
      const result = await one.updateStatus({
        org: route.org,
        message: route.message,
        status: status.status as 'sent' | 'delivered' | 'read' | 'failed',
        error,
      });
      if (result.changed) report.statuses.applied++;
      else report.statuses.unchanged++;
    } catch (err) {
      if (OneNumberError.isInstance(err) && err.code === 'UNKNOWN_MESSAGE') return void report.statuses.unknown++;
      if (permanent(err)) return void report.notes.rejected++;
      throw err;
    }
  }

  return async function ingest(batch: WebhookBatch): Promise<IngestOutcome> {
    const report = emptyIngestReport();
    const unowned = new Set<string>();
    report.notes.errors = batch.errors.reduce((n, e) => n + e.errors.length, 0);
    for (const message of batch.messages) await receiveOne(message, report, unowned); // in order: history is ordered
    for (const status of batch.statuses) await applyOne(status, report);
    return { ...report, unowned: [...unowned] };
  };
}
