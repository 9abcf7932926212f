// A ready system over the real server: SQLite in a temp dir, three services with their own
// tokens, each on its own SDK instance over the HTTP storage (what service backends run).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOneNumber, type OneNumber } from '@onenumber/core';
import { openSqliteDatabase, silentLogger, startServer, type RunningServer } from '@onenumber/server';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';
import { number, services } from './world';

export interface HttpWorld {
  server: RunningServer;
  adminToken: string;
  sdks: Record<(typeof services)[number], OneNumber>;
  admin: OneNumber;
  dir: string;
  close(): Promise<void>;
}

export async function httpWorld(options: { synchronous?: 'NORMAL' | 'FULL' } = {}): Promise<HttpWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-bench-'));
  const adminToken = 'bench-admin-token-0123456789abcdef';
  const db = openSqliteDatabase({
    file: join(dir, 'bench.db'),
    ...(options.synchronous ? { synchronous: options.synchronous } : {}),
  });
  const server = await startServer({ db, adminToken, port: 0, logger: silentLogger });
  const call = async (method: string, path: string, body: unknown) => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
  await call('POST', '/v1/admin/directory', {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: services.map((s) => ({ org: 'acme', id: `agent-${s}`, name: `Agent ${s}`, access: [s] })),
    numbers: [{ number, verified: true }],
  });
  const sdks = {} as HttpWorld['sdks'];
  for (const service of services) {
    const { token } = (await call('POST', '/v1/admin/tokens', { org: 'acme', service })) as { token: string };
    sdks[service] = createOneNumber({
      storage: createHttpStorage({ url: server.url, token }),
      directory: createHttpDirectory({ url: server.url, token }),
    });
    await sdks[service].connect({ org: 'acme', service, number });
  }
  const admin = createOneNumber({
    storage: createHttpStorage({ url: server.url, token: adminToken }),
    directory: createHttpDirectory({ url: server.url, token: adminToken }),
  });
  return {
    server,
    adminToken,
    sdks,
    admin,
    dir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
