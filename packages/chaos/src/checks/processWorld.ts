// The crash and load checks' world: `onenumber serve` in its own process on a temp SQLite file,
// with the WhatsApp webhook and sender on (WHATSAPP_* variables) and the simulator's Graph API on
// a loopback port; an org, one agent per service, the business numbers registered with their
// phone_number_ids, and crm, desk and salesiq connected to every number with their own tokens.
import { createOneNumber, type OneNumber } from '@onenumber/core';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';
import { createSimulator, serveGraphApi, type GraphApiServer, type Simulator } from '@onenumber/whatsapp';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, kill, serve, type ServerProcess } from './serverProcess';

export const waServices = ['crm', 'desk', 'salesiq'] as const;
export type WaService = (typeof waServices)[number];

export interface ProcessWorld {
  url: string;
  /** Signs webhook deliveries (the server's WHATSAPP_APP_SECRET). */
  appSecret: string;
  file: string;
  simulator: Simulator;
  graph: GraphApiServer;
  /** The server process now running (replaced by `restart`). */
  server: ServerProcess;
  sdks: Record<WaService, OneNumber>;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  /** SIGKILLs the server (if alive) and starts it again on the same database and port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `numbers`: business number (E.164) -> phone_number_id. */
export async function startProcessWorld(options: {
  name: string;
  numbers: Record<string, string>;
  heap?: boolean;
}): Promise<ProcessWorld> {
  const dir = mkdtempSync(join(tmpdir(), `onenumber-${options.name}-`));
  const file = join(dir, `${options.name}.db`);
  const secrets = {
    appSecret: `${options.name}-app-secret`,
    verifyToken: `${options.name}-verify`,
    accessToken: `${options.name}-access-token`,
    adminToken: `${options.name}-admin-token-0123456789`,
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const simulator = createSimulator({
    appSecret: secrets.appSecret,
    numbers: options.numbers,
    webhook: `${url}/webhooks/whatsapp`,
  });
  const graph = await serveGraphApi(simulator, { accessToken: secrets.accessToken });
  const env = {
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_VERIFY_TOKEN: secrets.verifyToken,
    WHATSAPP_ACCESS_TOKEN: secrets.accessToken,
    WHATSAPP_GRAPH_URL: graph.url,
    // Crashes under load, not a customer's pacing (the server's pairPacing test covers that).
    WHATSAPP_PER_CUSTOMER: 'off',
  };
  const start = () => serve({ file, port, adminToken: secrets.adminToken, env, heap: options.heap ?? false });
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${secrets.adminToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const world: ProcessWorld = {
    url,
    file,
    appSecret: secrets.appSecret,
    simulator,
    graph,
    admin,
    server: await start(),
    sdks: {} as ProcessWorld['sdks'],
    async restart() {
      await kill(world.server);
      world.server = await start();
    },
    async close() {
      await kill(world.server);
      await graph.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await admin('POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      agents: waServices.map((s) => ({ org: 'acme', id: `agent-${s}`, name: `Agent ${s}`, access: [s] })),
      numbers: [],
    });
    for (const [number, phoneNumberId] of Object.entries(options.numbers))
      await admin('PUT', '/v1/admin/numbers', { number, verified: true, phoneNumberId });
    for (const service of waServices) {
      const { token } = await admin<{ token: string }>('POST', '/v1/admin/tokens', { org: 'acme', service });
      world.sdks[service] = createOneNumber({
        storage: createHttpStorage({ url, token }),
        directory: createHttpDirectory({ url, token }),
      });
      for (const number of Object.keys(options.numbers))
        await world.sdks[service].connect({ org: 'acme', service, number });
    }
  } catch (error) {
    await world.close();
    throw error;
  }
  return world;
}
