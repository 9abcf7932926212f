// R34: a real OneNumber server in this process for the push tests (a SQLite file, or a given
// database such as PostgreSQL), seeded with the suite's world (seed.ts), and short push delays.
import { startServer, type RunningServer } from '../../../src';
import type { ServerDatabase } from '../../../src/db/ServerDatabase';
import type { PushLog, PushOptions } from '../../../src/push/pushOptions';
import { sqliteDatabase } from '../../http/support/tempFiles';
import { seed, type Seeded } from './seed';

export { number, org, services, type Call, type Service } from './seed';
export const adminToken = 'push-test-admin-token-0123456789';

export interface PushWorld extends Seeded {
  server: RunningServer;
  /** The push log lines (subscriptions, dead letters). */
  logs: PushLog[];
  close(): Promise<void>;
}

/** Loopback http allowed, retries within tens of milliseconds, a lease that lapses within seconds. */
export const testPushOptions = (logs: PushLog[] = []): PushOptions => ({
  allowLoopbackHttp: true,
  retryBaseMs: 40,
  retryMaxMs: 400,
  pollMs: 100,
  timeoutMs: 3_000,
  leaseMarginMs: 1_000,
  logger: (line) => logs.push(line),
});

export async function pushWorld(options: { db?: ServerDatabase; push?: PushOptions } = {}): Promise<PushWorld> {
  const logs: PushLog[] = [];
  const server = await startServer({
    port: 0,
    db: options.db ?? sqliteDatabase(),
    adminToken,
    logger: () => {},
    securityLogger: () => {},
    graceMs: 2_000,
    whatsapp: false,
    push: { ...testPushOptions(logs), ...options.push },
  });
  const seeded = await seed(server.url, adminToken);
  return { ...seeded, server, logs, close: () => server.close() };
}
