// R34, R35: push subscriptions and their durable queue, written once for every dialect. The queue
// is filled by the database in each event's own transaction (the events' trigger); a claim leases
// deliveries (PostgreSQL: SKIP LOCKED, so replicas never lease the same one), each the first of its
// lane with nothing of its lane in flight, and reads each one's event as the service's stream
// projects it (readEvents: R17..R20, R32, R36). A lapsed lease (its process died) makes the
// delivery claimable again: at least once.
import { guarded } from '../common/errors';
import { toDelivery, toSigning, toSubscription, typesColumn, webhookIdOf } from '../common/pushRows';
import type { PushClaim, PushStore, SigningSubscription } from '../common/pushTypes';
import type { ClaimedRow } from '../port/pushCatalogue';
import type { Runner } from '../port/runner';
import { all, one, run, type Steps } from '../port/steps';
import { readStream } from './eventReader';
import { successRecorder } from './pushOutcomes';

const nowIso = () => new Date().toISOString();

function* subscriptionOf(id: string): Steps<SigningSubscription | null> {
  const row = yield* one('subscriptionById', id, nowIso());
  return row ? toSigning(row, Date.now()) : null;
}

/** Public view: never the secrets. */
const publicOf = (s: SigningSubscription | null) => {
  if (!s) return null;
  const { secrets: _, ...rest } = s;
  return rest;
};

/** Leased rows as claims: each with its subscription (its secrets now) and its event as the stream projects it. */
function* claimsOf(rows: readonly ClaimedRow[], now: number): Steps<PushClaim[]> {
  const subscriptions = new Map<string, SigningSubscription | null>();
  const claims: PushClaim[] = [];
  for (const row of [...rows].sort((a, b) => a.id - b.id)) {
    if (!subscriptions.has(row.subscription))
      subscriptions.set(row.subscription, yield* subscriptionOf(row.subscription));
    const subscription = subscriptions.get(row.subscription);
    const [event] = (yield* readStream(row.org, row.service, row.event_id - 1, 1, true)).events;
    if (!subscription || !event || event.id !== String(row.event_id)) continue; // deleted meanwhile
    claims.push({
      delivery: row.id,
      webhookId: webhookIdOf(row.subscription, row.event_id),
      subscription,
      lane: row.lane,
      event,
      attempt: row.attempts + 1,
      firstAt: row.first_at ?? now,
      reclaimed: row.reclaimed,
    });
  }
  return claims;
}

export function pushStore(db: Runner): PushStore {
  const recordSuccess = successRecorder(db, claimsOf);
  /** A change to one subscription, answered as it reads afterwards (null: no such subscription). */
  const change = (id: string, steps: () => Steps<number>) =>
    guarded(async () =>
      publicOf(
        await db.write(function* () {
          return (yield* steps()) > 0 ? yield* subscriptionOf(id) : null;
        }),
      ),
    );

  return {
    create: (input, max) =>
      guarded(async () =>
        publicOf(
          await db.write(function* () {
            const count = (yield* one('countSubscriptions', input.org, input.service))?.n ?? 0;
            if (Number(count) >= max) return null;
            const { id, org, service, url, types, token, secret, at } = input;
            yield* run('insertSubscription', id, org, service, url, typesColumn(types), token, secret, at);
            return yield* subscriptionOf(id);
          }),
        ),
      ),
    get: (id) => guarded(() => db.run(() => subscriptionOf(id))),
    list: ({ org, service }) =>
      guarded(async () => {
        const rows = await db.run(() => all('subscriptionsOf', org ?? null, service ?? null, nowIso()));
        return rows.map((row) => toSubscription(row, Date.now()));
      }),
    pause: (id, at) => change(id, () => run('pauseSubscription', id, at)),
    resume: (id, token, at) => change(id, () => run('resumeSubscription', id, token, at)),
    rotate: (id, { secret, previousUntil, at }) =>
      change(id, function* () {
        const row = yield* one('subscriptionById', id, at);
        if (!row) return 0;
        return yield* run('rotateSubscriptionSecret', id, secret, previousUntil ? row.secret : null, previousUntil, at);
      }),
    remove: (id) =>
      guarded(() =>
        db.write(function* () {
          yield* run('deleteDeliveriesOf', id);
          return (yield* run('deleteSubscription', id)) > 0;
        }),
      ),

    claim: ({ now, limit, worker, leaseMs, perSubscription }) =>
      guarded(async () => {
        const at = new Date(now).toISOString();
        const rows = await db.write(() => all('claimPush', now, at, limit, worker, now + leaseMs, perSubscription));
        return rows.length ? db.run(() => claimsOf(rows, now)) : [];
      }),
    delivered: (delivery, outcome, next) => recordSuccess({ delivery, outcome, next }),
    retry: (delivery, worker, dueAt, o) =>
      guarded(() =>
        db.write(() => run('pushRetry', delivery, worker, dueAt, o.status, o.error, o.ms, o.at)).then(() => {}),
      ),
    dead: (delivery, worker, o) =>
      guarded(() => db.write(() => run('pushDead', delivery, worker, o.status, o.error, o.ms, o.at)).then(() => {})),

    deliveries: (subscription, { state, after, limit }) =>
      guarded(async () => {
        const rows = await db.run(() => all('deliveriesOf', subscription, state ?? null, after, limit, Date.now()));
        return rows.map(toDelivery);
      }),
    redeliver: (subscription, event) =>
      guarded(async () => (await db.write(() => run('requeueEvent', subscription, event, Date.now()))) > 0),
    replay: (subscription, after, limit) =>
      guarded(async () => {
        const rows = await db.write(() => all('requeueAfter', subscription, after, limit, Date.now()));
        const last = rows.reduce((max, r) => Math.max(max, r.event_id), 0);
        return { queued: rows.length, last: rows.length ? String(last) : null };
      }),
    figures: () =>
      guarded(async () =>
        (await db.run(() => all('queueFigures'))).map((r) => ({
          subscription: r.subscription,
          state: r.state,
          count: Number(r.n),
          oldestQueuedAt: r.oldest === null ? null : new Date(Number(r.oldest)).toISOString(),
        })),
      ),
    prune: (before) => guarded(() => db.write(() => run('prunePush', before)).then(() => {})),
  };
}
