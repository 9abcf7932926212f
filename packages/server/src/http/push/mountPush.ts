// R34, R35: mounts push delivery on the server: the subscription routes, replay and the delivery
// log, GET /v1/admin/push, and this process's delivery worker (with the wake-ups that start
// deliveries as soon as their events commit). The worker runs between start() and stop();
// startServer calls them, and stop() lets attempts under way finish (for up to drainMs) before
// the database closes. With no push store on the database, the routes answer 501 and nothing runs.
// Loopback http and private networks may also be allowed by the environment (pushVariables).
import type { Hono } from 'hono';
import { parseInput } from '@onenumber/core/schemas';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { pushOptionsFromEnv, pushOptionsSchema, type PushLogger, type PushOptions } from '../../push/pushOptions';
import { followStreams } from '../../push/wakeups';
import { createPushWorker, type PushWorker } from '../../push/worker';
import type { AppEnv } from '../routes/context';
import { deliveryRoutes } from './deliveryRoutes';
import { subscriptionRoutes } from './subscriptionRoutes';

export interface PushMount {
  /** This process's delivery worker (null: push is off here, or the database has none). */
  readonly worker: PushWorker | null;
  /** Starts the worker (nothing when there is none). */
  start(): void;
  /** Stops claiming, and waits up to drainMs for attempts under way. */
  stop(options?: { drainMs?: number }): Promise<void>;
}

export const jsonLinePushLogger: PushLogger = (line) => {
  process.stderr.write(`${JSON.stringify(line)}\n`);
};

const safe =
  (logger: PushLogger): PushLogger =>
  (line) => {
    try {
      logger({ ...line, at: new Date().toISOString() });
    } catch {
      // a failing logger never fails what it logs
    }
  };

export function mountPush(app: Hono<AppEnv>, db: ServerDatabase, given: PushOptions | undefined): PushMount {
  const env = typeof process === 'undefined' ? {} : pushOptionsFromEnv(process.env);
  const options = parseInput(pushOptionsSchema, { ...env, ...given }, 'push');
  const log = safe(options.logger ?? jsonLinePushLogger);
  const worker = db.push && options.worker ? createPushWorker(db.push, options, log) : null;
  const wakeups = worker && db.push ? followStreams(db.storage, db.push, () => worker.wake()) : null;

  subscriptionRoutes(app, db, {
    options,
    log,
    changed() {
      wakeups?.refresh();
      worker?.wake();
    },
  });
  deliveryRoutes(app, db, () => worker);

  return {
    worker,
    start() {
      if (!worker || worker.running) return;
      worker.start();
      wakeups?.start();
    },
    async stop(stopOptions = {}) {
      wakeups?.stop();
      await worker?.stop(stopOptions);
    },
  };
}
