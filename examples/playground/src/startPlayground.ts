// Starts the whole playground: the OneNumber server (embedded SQLite in a data directory), one
// adapter per service over HTTP, the customer's phone, and the web page.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryDirectory, createOneNumber } from '@onenumber/core';
import { createHttpStorage } from '@onenumber/storage-http';
import { customer, number, services, type Service } from './demo';
import type { ServiceHandle } from './panes';
import { Phone } from './phone';
import { createWeb } from './web';
import { startWorld } from './world';

export interface PlaygroundOptions {
  port?: number;
  host?: string;
  dataDir: string;
}

export async function startPlayground(options: PlaygroundOptions) {
  const world = await startWorld(options.dataDir);
  const handles = Object.fromEntries(services.map((s) => [s, { adapter: world.adapters[s], onenumber: world.sdks[s] }])) as Record<Service, ServiceHandle>;
  const phone = new Phone();
  // The customer's messages enter as WhatsApp's would: stored by the server, fanned out to members (R15).
  const webhook = createOneNumber({ storage: createHttpStorage({ url: world.server.url, token: world.adminToken }), directory: createMemoryDirectory() });
  const sendAsCustomer = async (text: string) => {
    await webhook.receive({ number, customer, text, id: `wamid.playground.${randomUUID()}` });
    phone.record('sent', text);
  };
  const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
  const web = createWeb({ handles, phone, sendAsCustomer, publicDir });
  await new Promise<void>((resolve, reject) => {
    web.server.once('error', reject);
    web.server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = web.server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}/`,
    serverUrl: world.server.url,
    phone,
    async close() {
      await web.close();
      await world.close();
    },
  };
}
