// SQL (SQLite) of the push catalogue (R34, R35): subscriptions, and the queue the events' trigger
// fills (pushSchema.ts). A claim is one UPDATE inside SQLite's write transaction, which holds the
// file, so two workers (two processes on one file) never lease the same delivery.
import type { PushCatalogue } from '../../port/pushCatalogue';
import type { SqliteSql } from './dialect';
import { sqliteLaneOf } from './pushSchema';

const subscriptionColumns = (
  now: string,
) => `s.id, s.org, s.service, s.url, s.types, s.state, s.token, s.secret, s.previous_secret,
  s.previous_until, s.created_at, s.updated_at,
  CASE WHEN s.token IS NULL THEN 'none' WHEN t.id IS NULL THEN 'revoked'
    WHEN t.expires_at IS NOT NULL AND t.expires_at <= ${now} THEN 'expired' ELSE 'valid' END AS token_state`;
const subscriptions = (now: string) =>
  `SELECT ${subscriptionColumns(now)} FROM push_subscriptions s LEFT JOIN tokens t ON t.id = s.token`;

/**
 * The deliveries that may go now: each lane's first pending one (the lane heads, found by a loose
 * scan of the push_pending index: one seek per lane, however long the queue), due, not leased, with nothing else of its lane in flight, its subscription
 * active and its token valid; numbered per subscription, beside the subscription's attempts in
 * flight (read from the small push_leased index), so a claim never passes the concurrency limit.
 */
const candidates = `WITH RECURSIVE steps(id) AS (
    SELECT id FROM (SELECT id FROM push_deliveries WHERE state = 'pending' ORDER BY subscription, lane, event_id LIMIT 1) first
    UNION ALL
    SELECT COALESCE(
      (SELECT p.id FROM push_deliveries p WHERE p.state = 'pending' AND p.subscription = h.subscription AND p.lane > h.lane
       ORDER BY p.lane, p.event_id LIMIT 1),
      (SELECT p.id FROM push_deliveries p WHERE p.state = 'pending' AND p.subscription > h.subscription
       ORDER BY p.subscription, p.lane, p.event_id LIMIT 1))
    FROM steps JOIN push_deliveries h ON h.id = steps.id
  ), heads AS (
    SELECT id FROM steps WHERE id IS NOT NULL
  ), flying AS (
    SELECT subscription, count(*) AS n FROM push_deliveries
    WHERE lease_until IS NOT NULL AND state = 'pending' AND lease_until > $1 GROUP BY subscription
  ), candidates AS (
    SELECT d.id, ROW_NUMBER() OVER (PARTITION BY d.subscription ORDER BY d.id) + COALESCE(f.n, 0) AS turn
    FROM heads h
    CROSS JOIN push_deliveries d ON d.id = h.id
    JOIN push_subscriptions s ON s.id = d.subscription
    LEFT JOIN tokens t ON t.id = s.token
    LEFT JOIN flying f ON f.subscription = d.subscription
    WHERE d.state = 'pending' AND d.due_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1)
      AND s.state = 'active'
      AND (s.token IS NULL OR (t.id IS NOT NULL AND (t.expires_at IS NULL OR t.expires_at > $2)))
      AND NOT EXISTS (SELECT 1 FROM push_deliveries e WHERE e.lease_until IS NOT NULL AND e.subscription = d.subscription
        AND e.lane = d.lane AND e.state = 'pending' AND e.id <> d.id AND e.lease_until > $1)
  )`;

const requeue = (
  sub: string,
  events: string,
  at: string,
) => `INSERT INTO push_deliveries (subscription, org, service, event_id, lane, state, queued_at)
  SELECT s.id, e.org, e.service, e.id, ${sqliteLaneOf('e')}, 'pending', ${at}
  FROM push_subscriptions s JOIN events e ON e.org = s.org AND e.service = s.service
  WHERE s.id = ${sub} AND ${events}
    AND (s.types IS NULL OR instr(s.types, ',' || e.type || ',') > 0)
    AND NOT EXISTS (SELECT 1 FROM push_deliveries p WHERE p.subscription = s.id AND p.event_id = e.id AND p.state = 'pending')`;

const asBoolean = (row: { leased?: number; reclaimed?: number }) => ({
  ...row,
  ...('leased' in row ? { leased: row.leased === 1 } : {}),
  ...('reclaimed' in row ? { reclaimed: row.reclaimed === 1 } : {}),
});

export const pushStatements: { [N in keyof PushCatalogue]: SqliteSql } = {
  insertSubscription: `INSERT INTO push_subscriptions (id, org, service, url, types, state, token, secret, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $8)`,
  subscriptionById: `${subscriptions('$2')} WHERE s.id = $1`,
  subscriptionsOf: `${subscriptions('$3')}
    WHERE ($1 IS NULL OR s.org = $1) AND ($2 IS NULL OR s.service = $2) ORDER BY s.created_at, s.id`,
  countSubscriptions: `SELECT count(*) AS n FROM push_subscriptions WHERE org = ? AND service = ?`,
  pauseSubscription: `UPDATE push_subscriptions SET state = 'paused', updated_at = $2 WHERE id = $1`,
  resumeSubscription: `UPDATE push_subscriptions SET state = 'active', token = $2, updated_at = $3 WHERE id = $1`,
  rotateSubscriptionSecret: `UPDATE push_subscriptions SET secret = $2, previous_secret = $3, previous_until = $4, updated_at = $5
    WHERE id = $1`,
  deleteDeliveriesOf: `DELETE FROM push_deliveries WHERE subscription = ?`,
  deleteSubscription: `DELETE FROM push_subscriptions WHERE id = ?`,

  claimPush: {
    sql: `${candidates}
      UPDATE push_deliveries SET lease_worker = $4, lease_until = $5, attempts = attempts + 1,
        reclaimed = (lease_until IS NOT NULL), first_at = COALESCE(first_at, $1), last_at = $1
      WHERE id IN (SELECT id FROM candidates WHERE turn <= $6 ORDER BY id LIMIT $3)
      RETURNING id, subscription, org, service, event_id, lane, attempts - 1 AS attempts, first_at, reclaimed`,
    decode: asBoolean,
  },
  claimNextInLane: {
    sql: `UPDATE push_deliveries SET lease_worker = $3, lease_until = $4, attempts = attempts + 1,
        reclaimed = (lease_until IS NOT NULL), first_at = COALESCE(first_at, $1), last_at = $1
      WHERE id = (
        SELECT d.id FROM push_deliveries d
        JOIN push_subscriptions s ON s.id = d.subscription
        LEFT JOIN tokens t ON t.id = s.token
        WHERE d.subscription = $5 AND d.lane = $6 AND d.state = 'pending' AND s.state = 'active'
          AND (s.token IS NULL OR (t.id IS NOT NULL AND (t.expires_at IS NULL OR t.expires_at > $2)))
        ORDER BY d.event_id LIMIT 1
      ) AND state = 'pending' AND due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
        AND NOT EXISTS (SELECT 1 FROM push_deliveries e WHERE e.lease_until IS NOT NULL AND e.subscription = $5
          AND e.lane = $6 AND e.state = 'pending' AND e.id <> push_deliveries.id AND e.lease_until > $1)
      RETURNING id, subscription, org, service, event_id, lane, attempts - 1 AS attempts, first_at, reclaimed`,
    decode: asBoolean,
  },
  pushDelivered: `UPDATE push_deliveries SET state = 'delivered', lease_worker = NULL, lease_until = NULL, last_status = $2,
      last_error = NULL, last_ms = $3, last_at = $4, done_at = $4
    WHERE id = $1 AND state = 'pending'`,
  pushRetry: `UPDATE push_deliveries SET due_at = $3, lease_worker = NULL, lease_until = NULL, last_status = $4, last_error = $5,
      last_ms = $6, last_at = $7
    WHERE id = $1 AND state = 'pending' AND lease_worker = $2`,
  pushDead: `UPDATE push_deliveries SET state = 'dead', lease_worker = NULL, lease_until = NULL, last_status = $3, last_error = $4,
      last_ms = $5, last_at = $6, done_at = $6
    WHERE id = $1 AND state = 'pending' AND lease_worker = $2`,
  deliveriesOf: {
    sql: `SELECT id, subscription, event_id, lane, state, attempts, due_at,
        (state = 'pending' AND lease_until IS NOT NULL AND lease_until > $5) AS leased,
        queued_at, first_at, last_at, done_at, last_status, last_error, last_ms
      FROM push_deliveries WHERE subscription = $1 AND ($2 IS NULL OR state = $2) AND id > $3 ORDER BY id LIMIT $4`,
    decode: asBoolean,
  },
  requeueEvent: requeue('$1', 'e.id = $2', '$3'),
  requeueAfter: `${requeue('$1', 'e.id > $2', '$4')} ORDER BY e.id LIMIT $3 RETURNING event_id`,
  queueFigures: `SELECT subscription, state, count(*) AS n, MIN(queued_at) AS oldest FROM push_deliveries GROUP BY subscription, state`,
  prunePush: `DELETE FROM push_deliveries WHERE state = 'delivered' AND done_at < ?`,
};
