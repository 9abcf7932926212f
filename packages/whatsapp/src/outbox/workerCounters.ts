// What the outbox worker did, counted where tests and operators can see it, and its events.
// No event carries message text (R20): ids, services, codes only.
import type { ClaimedItem } from './fairOutbox';
import type { SendOutcome } from './sendItem';

export interface OutboxWorkerCounters {
  claimed: number;
  sent: number;
  /** Sends that failed with a code meaning "not sent", scheduled again with backoff. */
  retried: number;
  /** Items that failed for good (final code, window closed, attempts exhausted). */
  failed: number;
  windowClosed: number;
  authErrors: number;
  /** Items claimed again after a lease lapsed while a send may have gone out. */
  repeatsSuspected: number;
  /** Sent, but `complete` could not be recorded: the lease will lapse and the item may repeat. */
  unrecorded: number;
  /** Items released unsent because their lease was about to lapse. */
  leaseLapsed: number;
  recordErrors: number;
  claimErrors: number;
}

export type OutboxWorkerEvent =
  | { type: 'sent'; id: string; service: string; providerMessageId: string; attempts: number }
  | { type: 'retry'; id: string; service: string; code: number | string; retryAt: string }
  | { type: 'failed'; id: string; service: string; code: number | string }
  | { type: 'unrecorded'; id: string; service: string; providerMessageId: string }
  | { type: 'repeat-suspected'; id: string; service: string; attempts: number }
  | { type: 'released'; id: string; service: string }
  | { type: 'record-error'; id: string; service: string }
  | { type: 'paused'; reason: 'auth' }
  | { type: 'claim-error' };

export function newCounters() {
  const values: OutboxWorkerCounters = {
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    windowClosed: 0,
    authErrors: 0,
    repeatsSuspected: 0,
    unrecorded: 0,
    leaseLapsed: 0,
    recordErrors: 0,
    claimErrors: 0,
  };
  return {
    values,
    apply(outcome: SendOutcome) {
      if (outcome.kind === 'sent') values.sent++;
      else if (outcome.kind === 'retry') values.retried++;
      else if (outcome.kind === 'unrecorded') values.unrecorded++;
      else {
        values.failed++;
        if (outcome.windowClosed) values.windowClosed++;
        if (outcome.auth) values.authErrors++;
      }
    },
  };
}

export function outcomeEvent(item: ClaimedItem, outcome: SendOutcome): OutboxWorkerEvent {
  const base = { id: item.id, service: item.service };
  switch (outcome.kind) {
    case 'sent':
      return { type: 'sent', ...base, providerMessageId: outcome.providerMessageId, attempts: item.attempts };
    case 'retry':
      return { type: 'retry', ...base, code: outcome.code, retryAt: outcome.retryAt };
    case 'failed':
      return { type: 'failed', ...base, code: outcome.code };
    case 'unrecorded':
      return { type: 'unrecorded', ...base, providerMessageId: outcome.providerMessageId };
  }
}
