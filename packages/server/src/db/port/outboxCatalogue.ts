// Statements on the outbox between an accepted reply and the transport (R16).
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
