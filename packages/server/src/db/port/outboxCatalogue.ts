// Statements on the outbox between an accepted reply and the transport (R16), the audit timeline
// and durable cursors (issue 9), and event streams.
import type { TimelineRow } from '../common/timelineRows';
import type { Statement } from './statement';

/** A due outbox item with what sending it needs. */
export interface DueRow {
  id: string;
  org: string;
  number: string;
  customer: string;
  service: string;
  type: string;
  text: string | null;
  raw: string;
  /** The attempts before this claim. */
  attempts: number;
  at: string;
}

export interface OutboxCatalogue {
  insertOutbox: Statement<[message: string, pos: number, dueAt: string, updatedAt: string]>;
  /** Leases due items (unclaimed or with an expired lease) to `worker`, oldest first, each to one claimer. */
  claimDue: Statement<[now: string, limit: number, worker: string, until: string], DueRow & { pos: number }>;
  /** The item, held until commit: complete and fail decide on its state one at a time. */
  lockItem: Statement<[message: string], { state: 'pending' | 'sent' | 'failed'; org: string }>;
  complete: Statement<[providerMessageId: string, at: string, message: string]>;
  setProviderId: Statement<[providerId: string, message: string]>;
  retryAt: Statement<[dueAt: string, error: string, at: string, message: string]>;
  giveUp: Statement<[error: string, at: string, message: string]>;
  byProviderId: Statement<[providerMessageId: string], { id: string; org: string }>;
}

/** claimFair's statements: a dialect that has them offers OutboxStore.claimFair. */
export interface FairClaimCatalogue {
  /** Due items, at most `perService` of each (number, service), oldest first; `reclaimed`: a lease lapsed. */
  dueItemsFair: Statement<[now: string, perService: number, limit: number], DueRow & { reclaimed: boolean }>;
  lease: Statement<[worker: string, until: string, at: string, message: string]>;
}

export interface StreamCatalogue {
  /** A channel's timeline after a cursor; a null limit is none. */
  timelineAfter: Statement<[channel: string, after: number, limit: number | null], TimelineRow>;
  cursorOf: Statement<[org: string, service: string], { cursor: number }>;
  /** A cursor only moves forward: a late or repeated save never replays events. */
  saveCursor: Statement<[org: string, service: string, cursor: number]>;
  /** A service's stored events after a cursor (rows already projected for it, R20); a null limit is none. */
  eventsAfter: Statement<
    [org: string, service: string, after: number, limit: number | null],
    { id: number; body: unknown; type: string; channel: string }
  >;
}
