// The playground's world: the OneNumber server on embedded SQLite, and each service running its
// own adapter over the HTTP storage with its own scoped token, exactly as three separate service
// backends would. WhatsApp is mounted on the server: its webhook takes the customer's phone's
// signed deliveries, its outbox worker sends replies to that phone (customerPhone.ts).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createOneNumber, type OneNumber, type ServiceAdapter } from '@onenumber/core';
import { jsonLineLogger, silentLogger, startServer, type RunningServer, type WhatsAppOptions } from '@onenumber/server';
import { createHttpDirectory, openHttpStorage } from '@onenumber/storage-http';
import { createCrmAdapter } from '@onenumber/zoho-crm';
import { createDeskAdapter } from '@onenumber/zoho-desk';
import { createSalesIQAdapter } from '@onenumber/zoho-salesiq';
import { adminClient } from './adminClient';
import { agents, number, org, phoneNumberId, services, type Service } from './demo';

const factories = { desk: createDeskAdapter, crm: createCrmAdapter, salesiq: createSalesIQAdapter } as const;

export interface World {
  server: RunningServer;
  adminToken: string;
  adapters: Record<Service, ServiceAdapter>;
  /** Each service's own SDK instance (its adapter is built on it). */
  sdks: Record<Service, OneNumber>;
  /** Each service's own token (for the routes its SDK does not wrap, such as media). */
  tokens: Record<Service, string>;
  close(): Promise<void>;
}

export async function startWorld(dataDir: string, whatsapp: WhatsAppOptions): Promise<World> {
  mkdirSync(dataDir, { recursive: true });
  const adminToken = `on_admin_${randomBytes(18).toString('hex')}`;
  const server = await startServer({
    // Given as a file, the server opens the database and closes it with itself (reset deletes it).
    file: join(dataDir, 'onenumber.db'),
    adminToken,
    port: 0,
    whatsapp,
    logger: process.env.ONENUMBER_LOG ? jsonLineLogger : silentLogger,
  });
  const admin = adminClient(server.url, adminToken);
  await admin.setDirectory({
    orgs: [{ id: org, plan: 'zoho-one' }],
    agents: agents.map((a) => ({ ...a, org })),
    numbers: [],
  });
  await admin.setNumber({ number, verified: true, phoneNumberId });

  const adapters = {} as Record<Service, ServiceAdapter>;
  const sdks = {} as Record<Service, OneNumber>;
  const tokens = {} as Record<Service, string>;
  for (const service of services) {
    const token = await admin.issueToken(org, service);
    tokens[service] = token;
    const onenumber = createOneNumber({
      storage: await openHttpStorage({ url: server.url, token }),
      directory: createHttpDirectory({ url: server.url, token }),
    });
    sdks[service] = onenumber;
    adapters[service] = factories[service]({ onenumber, org }) as unknown as ServiceAdapter;
  }
  return {
    server,
    adminToken,
    adapters,
    sdks,
    tokens,
    async close() {
      for (const adapter of Object.values(adapters)) adapter.close();
      await server.close();
    },
  };
}
