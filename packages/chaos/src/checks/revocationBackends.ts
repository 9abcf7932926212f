// Where the revocation check runs (R35: "on every replica"): one server on SQLite; two server
// processes on one SQLite file (the second learns revocations by polling); two `onenumber serve`
// replicas on one PostgreSQL (by NOTIFY). Revocations go to the first server, streams open on the
// last one, so that every revocation but the first backend's crosses a process.
import { startEmbeddedPostgres } from '@onenumber/server';
import { startChaosWorld } from '../world';
import { freePort, kill, serve, type ServerProcess } from './serverProcess';

export interface Backend {
  name: string;
  adminToken: string;
  /** Where tokens are issued and revoked. */
  adminUrl: string;
  /** Where the streams open. */
  streamUrl: string;
  /** Every server (a revoked token must be refused on each). */
  urls: string[];
  close(): Promise<void>;
}

const adminToken = `chaos-revocation-admin-${Date.now()}`;

async function processOn(db: string): Promise<{ url: string; process: ServerProcess }> {
  const port = await freePort();
  const process = await serve({ file: db, port, adminToken, env: {} });
  return { url: `http://127.0.0.1:${port}`, process };
}

export async function sqliteOneProcess(): Promise<Backend> {
  const world = await startChaosWorld();
  return {
    name: 'sqlite, one process',
    adminToken: world.adminToken,
    adminUrl: world.url,
    streamUrl: world.url,
    urls: [world.url],
    close: () => world.close(),
  };
}

export async function sqliteTwoProcesses(): Promise<Backend> {
  const world = await startChaosWorld();
  const port = await freePort();
  const other = await serve({ file: world.file, port, adminToken: world.adminToken, env: {} });
  const otherUrl = `http://127.0.0.1:${port}`;
  return {
    name: 'sqlite, two processes on one file',
    adminToken: world.adminToken,
    adminUrl: world.url,
    streamUrl: otherUrl,
    urls: [world.url, otherUrl],
    async close() {
      await kill(other);
      await world.close();
    },
  };
}

/** Two replicas on an embedded PostgreSQL; the reason instead when it cannot start here. */
export async function postgresReplicas(): Promise<Backend | { skipped: string }> {
  let postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  try {
    postgres = await startEmbeddedPostgres({ label: 'chaos-revocation', maxConnections: 100 });
  } catch (error) {
    return { skipped: (error as Error).message.slice(0, 200) };
  }
  const replicas: { url: string; process: ServerProcess }[] = [];
  try {
    for (let i = 0; i < 2; i++) replicas.push(await processOn(postgres.url));
  } catch (error) {
    for (const r of replicas) await kill(r.process);
    await postgres.stop();
    throw error;
  }
  const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
  const admin = (method: string, path: string, body: unknown) =>
    fetch(`${a.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await admin('POST', '/v1/admin/directory', { orgs: [{ id: 'acme', plan: 'zoho-one' }] });
  return {
    name: 'postgres, two replicas',
    adminToken,
    adminUrl: a.url,
    streamUrl: b.url,
    urls: [a.url, b.url],
    async close() {
      for (const r of replicas) await kill(r.process);
      await postgres.stop();
    },
  };
}
