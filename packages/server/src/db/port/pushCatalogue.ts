// R34, R35: statements of push delivery. Subscriptions name an endpoint of one (org, service);
// the queue (push_deliveries) is filled by the database itself, in the transaction that inserts
// each event (a trigger on `events`, see each dialect's pushSchema.ts), so an event and the rows
// that deliver it commit together. Times of the queue are milliseconds since the epoch; times of
// subscriptions are ISO text, as the tokens' are (a token's expiry pauses what it created, R35).
import type { Statement } from './statement';

export interface SubscriptionRow {
  id: string;
  org: string;
  service: string;
  url: string;
  /** `,type,type,` (null: every type). */
  types: string | null;
  state: 'active' | 'paused';
  /** The token that created (or last resumed) it; null: the admin. */
  token: string | null;
  secret: string;
  previous_secret: string | null;
  previous_until: string | null;
  created_at: string;
  updated_at: string;
  /** R35: the token's state now: none (admin), valid, revoked or expired. */
  token_state: 'none' | 'valid' | 'revoked' | 'expired';
}

/** A delivery leased to a worker (its subscription is read beside it). */
export interface ClaimedRow {
  id: number;
  subscription: string;
  org: string;
  service: string;
  event_id: number;
  lane: string;
  /** Attempts before this one. */
  attempts: number;
  first_at: number | null;
  /** The lease of an earlier claim lapsed (its worker stopped mid-attempt): this may be a repeat. */
  reclaimed: boolean;
}

export interface DeliveryRow {
  id: number;
  subscription: string;
  event_id: number;
  lane: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  due_at: number;
  leased: boolean;
  queued_at: number;
  first_at: number | null;
  last_at: number | null;
  done_at: number | null;
  last_status: number | null;
  last_error: string | null;
  last_ms: number | null;
}

export interface QueueFigureRow {
  subscription: string;
  state: 'pending' | 'delivered' | 'dead';
  n: number;
  oldest: number | null;
}

export interface PushCatalogue {
  insertSubscription: Statement<
    [
      id: string,
      org: string,
      service: string,
      url: string,
      types: string | null,
      token: string | null,
      secret: string,
      at: string,
    ]
  >;
  subscriptionById: Statement<[id: string, now: string], SubscriptionRow>;
  /** Every subscription, or those of one org, or of one (org, service); oldest first. */
  subscriptionsOf: Statement<[org: string | null, service: string | null, now: string], SubscriptionRow>;
  countSubscriptions: Statement<[org: string, service: string], { n: number }>;
  pauseSubscription: Statement<[id: string, at: string]>;
  /** Resumed by a principal: bound to its token from then on (null: the admin). */
  resumeSubscription: Statement<[id: string, token: string | null, at: string]>;
  rotateSubscriptionSecret: Statement<
    [id: string, secret: string, previousSecret: string | null, previousUntil: string | null, at: string]
  >;
  deleteDeliveriesOf: Statement<[subscription: string]>;
  deleteSubscription: Statement<[id: string]>;

  /**
   * Leases due deliveries: each the oldest pending one of its lane (a conversation, or a channel for
   * channel events) with nothing of its lane in flight, of an active subscription whose token is
   * still valid, at most `perSubscription` in flight per subscription (on every replica).
   */
  claimPush: Statement<
    [now: number, nowIso: string, limit: number, worker: string, until: number, perSubscription: number],
    ClaimedRow
  >;
  /**
   * After a delivery: leases the next pending one of its lane (a subscription's lane keeps one in
   * flight, so the subscription's count in flight is unchanged), if it is due and the
   * subscription may still deliver; none otherwise (a full claim takes it later).
   */
  claimNextInLane: Statement<
    [now: number, nowIso: string, worker: string, until: number, subscription: string, lane: string],
    ClaimedRow
  >;
  pushDelivered: Statement<[id: number, status: number, ms: number, at: number]>;
  /** Only while this worker holds the lease. */
  pushRetry: Statement<
    [id: number, worker: string, dueAt: number, status: number | null, error: string, ms: number | null, at: number]
  >;
  pushDead: Statement<
    [id: number, worker: string, status: number | null, error: string, ms: number | null, at: number]
  >;
  /** A subscription's deliveries after a delivery id, oldest first; a null state: every state. */
  deliveriesOf: Statement<
    [subscription: string, state: string | null, after: number, limit: number, now: number],
    DeliveryRow
  >;
  /** Queues again one event of the subscription's stream (if its filter takes it and it is not queued already). */
  requeueEvent: Statement<[subscription: string, event: number, at: number]>;
  /** Queues again the events after `after` (at most `limit`, oldest first), as requeueEvent; answers those queued. */
  requeueAfter: Statement<[subscription: string, after: number, limit: number, at: number], { event_id: number }>;
  queueFigures: Statement<[], QueueFigureRow>;
  /** Forgets delivered rows done before `before` (the log keeps the rest). */
  prunePush: Statement<[before: number]>;
}
