// The durable outbox between an accepted reply and the transport that sends it (R16). A reply
// accepted by the storage is queued in the same atomic write; the transport claims it, sends it
// once, and records the outcome. A crash between the provider's answer and `complete` can repeat
// one send (the Cloud API has no idempotency key): that window is one write long.

export interface OutboxItem {
  /** The stored message id of the reply (the same id views and statuses use). */
  id: string;
  org: string;
  /** The business number (E.164) the reply goes out from. */
  number: string;
  customer: string;
  service: string;
  type: string;
  text: string | null;
  raw: unknown;
  attempts: number;
  /** When the reply was accepted (ISO). */
  at: string;
  /**
   * Optional: true when an earlier claim's lease lapsed with neither `complete` nor `fail`
   * recorded (that worker may have sent it: a send retried now may repeat). A store that cannot
   * tell leaves it out, and the transport guesses from `attempts`.
   */
  reclaimed?: boolean | undefined;
}

export interface OutboxClaim {
  /** Claim at most this many due items. */
  limit: number;
  /** A claim expires after this long, so a dead worker's items are sent by another. */
  leaseMs: number;
  /** Who claims (a replica or worker id), for leases. */
  worker: string;
  now: string;
}

export interface OutboxStore {
  /** Due, unclaimed (or lease-expired) items, oldest first, now leased to `worker`. */
  claim(input: OutboxClaim): Promise<OutboxItem[]>;
  /**
   * Optional: like `claim`, but at most `perService` items of each (number, service) pair, so a
   * flood from one service larger than the claim cannot keep another service's replies waiting
   * (R16: every service sends through the one number). The transport uses it when present.
   */
  claimFair?(input: OutboxClaim & { perService: number }): Promise<OutboxItem[]>;
  /** The provider accepted it: never send again; record the provider's id for status routing. */
  complete(input: { id: string; providerMessageId: string; at: string }): Promise<void>;
  /** Not sent. With `retryAt` it is due again then; without, it failed for good (status failed). */
  fail(input: {
    id: string;
    error: { code: number | string; title: string };
    retryAt?: string | undefined;
    at: string;
  }): Promise<void>;
  /** The stored reply that a provider message id belongs to (status webhooks), or null. */
  findByProviderId(providerMessageId: string): Promise<{ id: string; org: string } | null>;
}
