// R34, R35: push rows (the same column names in SQLite and PostgreSQL) as the push store's records.
// A subscription whose token was revoked or expired reads as paused, saying why (R35), and its
// secrets appear only where deliveries are signed.
import type { ChannelEventType } from '@onenumber/core';
import type { DeliveryRow, SubscriptionRow } from '../port/pushCatalogue';
import type { PushDelivery, PushSubscription, SigningSubscription } from './pushTypes';

const iso = (ms: number) => new Date(ms).toISOString();

/** Stored as `,a,b,` so the events' trigger matches a type with one instr/position. */
export const typesColumn = (types: readonly string[] | null): string | null => (types ? `,${types.join(',')},` : null);

const typesOf = (column: string | null): ChannelEventType[] | null =>
  column === null ? null : (column.split(',').filter(Boolean) as ChannelEventType[]);

export function toSubscription(row: SubscriptionRow, now: number): PushSubscription {
  const pausedBecause =
    row.state === 'paused'
      ? ('paused' as const)
      : row.token_state === 'revoked'
        ? ('token-revoked' as const)
        : row.token_state === 'expired'
          ? ('token-expired' as const)
          : undefined;
  const previousUntil = row.previous_secret && row.previous_until ? row.previous_until : null;
  return {
    id: row.id,
    org: row.org,
    service: row.service,
    url: row.url,
    types: typesOf(row.types),
    state: pausedBecause ? 'paused' : 'active',
    ...(pausedBecause ? { pausedBecause } : {}),
    tokenId: row.token,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(previousUntil && Date.parse(previousUntil) > now ? { previousSecretValidUntil: previousUntil } : {}),
  };
}

export function toSigning(row: SubscriptionRow, now: number): SigningSubscription {
  const subscription = toSubscription(row, now);
  const previous = subscription.previousSecretValidUntil ? [row.previous_secret!] : [];
  return { ...subscription, secrets: [row.secret, ...previous] };
}

/** The `webhook-id` of an event's delivery to a subscription: the same on every attempt and redelivery. */
export const webhookIdOf = (subscription: string, event: number | string): string => `${subscription}.${event}`;

export function toDelivery(row: DeliveryRow): PushDelivery {
  const optional = <K extends string, V>(key: K, value: V | null, map: (v: V) => unknown = (v) => v) =>
    value === null ? {} : { [key]: map(value) };
  return {
    id: String(row.id),
    webhookId: webhookIdOf(row.subscription, row.event_id),
    event: String(row.event_id),
    lane: row.lane,
    state: row.state,
    inFlight: row.leased,
    attempts: row.attempts,
    queuedAt: iso(row.queued_at),
    ...optional('firstAttemptAt', row.first_at, iso),
    ...optional('lastAttemptAt', row.last_at, iso),
    ...(row.state === 'pending' && !row.leased && row.due_at > 0 ? { nextAttemptAt: iso(row.due_at) } : {}),
    ...optional('doneAt', row.done_at, iso),
    ...optional('lastStatus', row.last_status),
    ...optional('lastError', row.last_error),
    ...optional('latencyMs', row.last_ms),
  } as PushDelivery;
}
