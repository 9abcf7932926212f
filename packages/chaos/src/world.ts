// A real server on a temp SQLite file, with an org, agents, verified numbers and service tokens,
// plus a request log the leak scan can read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, startServer, type RequestLog, type RunningServer } from '@onenumber/server';
import { createSimulator } from '@onenumber/whatsapp';

export const services = ['desk', 'crm', 'salesiq'] as const;
export type Service = (typeof services)[number];

export interface ChaosWorld {
  server: RunningServer;
  url: string;
  adminToken: string;
  dir: string;
  file: string;
  logs: RequestLog[];
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  token(org: string, service: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * With `whatsapp`, the signed webhook is mounted: the fuzz check posts to it. With `sender` too,
 * replies go out through the in-process simulator (every WhatsApp route answers).
 */
export async function startChaosWorld(
  options: {
    numbers?: string[];
    orgs?: string[];
    whatsapp?: { appSecret: string; verifyToken: string; sender?: boolean };
  } = {},
): Promise<ChaosWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'onenumber-chaos-'));
  const file = join(dir, 'chaos.db');
  const adminToken = `chaos-admin-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  const logs: RequestLog[] = [];
  const server = await startServer({
    db: openSqliteDatabase({ file }),
    adminToken,
    port: 0,
    logger: (entry) => logs.push(entry),
    whatsapp: options.whatsapp
      ? {
          appSecret: options.whatsapp.appSecret,
          verifyToken: options.whatsapp.verifyToken,
          env: {},
          ...(options.whatsapp.sender ? { transport: createSimulator({ appSecret: options.whatsapp.appSecret }) } : {}),
        }
      : false,
    securityLogger: () => {},
  });
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const orgs = options.orgs ?? ['acme', 'globex'];
  await admin('POST', '/v1/admin/directory', {
    orgs: orgs.map((id) => ({ id, plan: 'zoho-one' })),
    agents: orgs.flatMap((org) => services.map((s) => ({ org, id: `agent-${s}`, name: `Agent ${s}`, access: [s] }))),
    numbers: (options.numbers ?? []).map((number) => ({ number, verified: true })),
  });
  return {
    server,
    url: server.url,
    adminToken,
    dir,
    file,
    logs,
    admin,
    token: async (org, service) => (await admin<{ token: string }>('POST', '/v1/admin/tokens', { org, service })).token,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The i-th test number: valid Japanese numbers, distinct per i. */
export const numberAt = (i: number) => `+8131${String(3000000 + i).padStart(7, '0')}`;
