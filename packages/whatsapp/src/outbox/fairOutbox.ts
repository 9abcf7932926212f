// An optional outbox capability (unstorage style: optional methods, with a fallback). `claim`
// hands out due items oldest first across all services, so a flood from one service can fill
// a worker's whole look-ahead window. `claimFair` takes at most `perService` items of each
// (number, service) pair per call, so every service's oldest items reach the fair queue.
// Items may also say whether they were `reclaimed`: claimed before, and the lease lapsed with
// neither `complete` nor `fail` recorded (the earlier worker may have sent it).
import type { OutboxClaim, OutboxItem, OutboxStore } from '@onenumber/core/storage-kit';

export interface ClaimedItem extends OutboxItem {
  /** True when an earlier claim's lease lapsed unrecorded: a send may have gone out. */
  reclaimed?: boolean;
}

export interface FairOutboxStore extends OutboxStore {
  claim(input: OutboxClaim): Promise<ClaimedItem[]>;
  claimFair?(input: OutboxClaim & { perService: number }): Promise<ClaimedItem[]>;
}
