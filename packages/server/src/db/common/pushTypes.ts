// R34, R35: what the push store promises the push worker and the HTTP layer. A subscription names
// an endpoint of one (org, service) and the event types it takes; it is paused by hand, or while
// the token that created (or last resumed) it is revoked or expired (R35: on every replica, since
// every claim checks the token). Its signing secrets never appear in a listing.
import type { ChannelEvent, ChannelEventType } from '@onenumber/core';

export type PausedBecause = 'paused' | 'token-revoked' | 'token-expired';

export interface PushSubscription {
  id: string;
  org: string;
  service: string;
  url: string;
  /** The event types it takes; null: every type. */
  types: ChannelEventType[] | null;
  /** Active, or paused (by hand, or because its token was revoked or expired, R35). */
  state: 'active' | 'paused';
  pausedBecause?: PausedBecause;
  /** The token that created or last resumed it (revoking it pauses the subscription); null: the admin. */
  tokenId: string | null;
  createdAt: string;
  updatedAt: string;
  /** After a rotation: until when deliveries are also signed with the previous secret. */
  previousSecretValidUntil?: string;
}

/** A subscription with the secrets that sign its deliveries now (the current one first). */
export interface SigningSubscription extends PushSubscription {
  secrets: string[];
}

export interface PushDelivery {
  /** The delivery's id in the queue (the log's cursor). */
  id: string;
  /** The `webhook-id` header: the same for every attempt and every redelivery of one event. */
  webhookId: string;
  /** The event's id in its service's stream. */
  event: string;
  /** The conversation (`cv:...`) or channel (`ch:...`) whose order it keeps. */
  lane: string;
  state: 'pending' | 'delivered' | 'dead';
  /** An attempt is under way. */
  inFlight: boolean;
  attempts: number;
  queuedAt: string;
  firstAttemptAt?: string;
  lastAttemptAt?: string;
  /** Pending: when the next attempt may start. */
  nextAttemptAt?: string;
  /** Delivered or dead-lettered at. */
  doneAt?: string;
  /** The last answer's HTTP status (none: no answer, e.g. a timeout). */
  lastStatus?: number;
  /** The last failure, in words (never a secret). */
  lastError?: string;
  /** The last attempt's duration. */
  latencyMs?: number;
}

/** A delivery leased to this worker, with what sending it needs. */
export interface PushClaim {
  delivery: number;
  webhookId: string;
  subscription: SigningSubscription;
  /** The conversation (`cv:...`) or channel (`ch:...`) whose order it keeps. */
  lane: string;
  /** The event as the service's stream projects it (R17..R20, R32, R36). */
  event: ChannelEvent;
  /** This attempt's number (1 for the first). */
  attempt: number;
  /** When the first attempt started (ms): the retry horizon counts from it. */
  firstAt: number;
  /** An earlier attempt's lease lapsed (its process stopped mid-attempt): this may be a repeat. */
  reclaimed: boolean;
}

export interface Outcome {
  status: number | null;
  error: string;
  ms: number | null;
  at: number;
}

export interface QueueFigure {
  subscription: string;
  state: 'pending' | 'delivered' | 'dead';
  count: number;
  oldestQueuedAt: string | null;
}

export interface NewSubscription {
  id: string;
  org: string;
  service: string;
  url: string;
  types: ChannelEventType[] | null;
  token: string | null;
  secret: string;
  at: string;
}

export interface PushStore {
  /** Stores it, unless its service has `max` subscriptions already (then null). */
  create(input: NewSubscription, max: number): Promise<PushSubscription | null>;
  get(id: string): Promise<SigningSubscription | null>;
  list(filter: { org?: string | undefined; service?: string | undefined }): Promise<PushSubscription[]>;
  pause(id: string, at: string): Promise<PushSubscription | null>;
  /** Active again, bound to the resuming principal's token (null: the admin). */
  resume(id: string, token: string | null, at: string): Promise<PushSubscription | null>;
  /** A new secret; the current one keeps signing until `previousUntil` (null: not at all). */
  rotate(
    id: string,
    input: { secret: string; previousUntil: string | null; at: string },
  ): Promise<PushSubscription | null>;
  /** Deletes it and its queue. */
  remove(id: string): Promise<boolean>;

  claim(input: {
    now: number;
    limit: number;
    worker: string;
    leaseMs: number;
    perSubscription: number;
  }): Promise<PushClaim[]>;
  /**
   * Records a delivery; with `next`, also leases the next due delivery of its lane to the same
   * worker in the same write (the lane goes on without waiting for a claim), answered or null.
   */
  delivered(
    delivery: number,
    outcome: { status: number; ms: number; at: number },
    next?: { claim: PushClaim; worker: string; leaseMs: number },
  ): Promise<PushClaim | null>;
  retry(delivery: number, worker: string, dueAt: number, outcome: Outcome): Promise<void>;
  dead(delivery: number, worker: string, outcome: Outcome): Promise<void>;

  deliveries(
    subscription: string,
    query: { state?: 'pending' | 'delivered' | 'dead' | undefined; after: number; limit: number },
  ): Promise<PushDelivery[]>;
  /** Queues one event of the subscription's stream again; false when its filter excludes it, it is queued already, or there is no such event. */
  redeliver(subscription: string, event: number): Promise<boolean>;
  /** Queues again the events after `after`, at most `limit`: how many, and the last one. */
  replay(subscription: string, after: number, limit: number): Promise<{ queued: number; last: string | null }>;
  figures(): Promise<QueueFigure[]>;
  /** Forgets delivered rows done before `before` (ms). */
  prune(before: number): Promise<void>;
}
