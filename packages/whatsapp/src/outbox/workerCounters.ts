// What the outbox worker did, counted where tests and operators can see it, and its events.
// No event carries message text (R20): ids, services, codes only. The rate limits and holds of
// pacing (R38, Meta's pair rate and throughput limits) are counted apart, in `LimitCounters`.
import type { ClaimedItem } from './fairOutbox';
import type { SendOutcome } from './sendItem';

export interface OutboxWorkerCounters {
  claimed: number;
  sent: number;
  /** Sends that failed with a code meaning "not sent" (rate limits included), scheduled again. */
  retried: number;
  /** Items that failed for good (final code, window closed, attempts exhausted); never an account refusal. */
  failed: number;
  windowClosed: number;
  /** R38: sends refused for an account reason (190, 131031, 131042, 368): held, the worker paused. */
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
  | { type: 'held'; id: string; service: string; code: number | string }
  | { type: 'failed'; id: string; service: string; code: number | string }
  | { type: 'unrecorded'; id: string; service: string; providerMessageId: string }
  | { type: 'repeat-suspected'; id: string; service: string; attempts: number }
  | { type: 'released'; id: string; service: string }
  | { type: 'record-error'; id: string; service: string }
  | { type: 'paused'; reason: 'auth'; code: number | string }
  | { type: 'claim-error' };

/** How often WhatsApp's limits and account refusals held replies back (none of them is a failure). */
export interface LimitCounters {
  /** 131056: too many messages to one customer; retried after 4^X s. */
  pairRate: number;
  /** 130429: the number's throughput; retried after 2^X s, the number held that long. */
  throughput: number;
  /** 80007, 4: the account's or the app's rate limit; retried with backoff. */
  otherRateLimits: number;
  /** R38: replies held by an account refusal until `resume`. */
  held: number;
}

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
      else if (outcome.kind === 'held') values.authErrors++;
      else {
        values.failed++;
        if (outcome.windowClosed) values.windowClosed++;
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
    case 'held':
      return { type: 'held', ...base, code: outcome.code };
    case 'failed':
      return { type: 'failed', ...base, code: outcome.code };
    case 'unrecorded':
      return { type: 'unrecorded', ...base, providerMessageId: outcome.providerMessageId };
  }
}
