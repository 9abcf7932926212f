// Starts the whole playground: the OneNumber server (embedded SQLite in a data directory), one
// adapter per service over HTTP, the customer's phone over WhatsApp (simulated), and the web page.
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCustomerPhone } from './customerPhone';
import { services, type Service } from './demo';
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
  const phone = new Phone();
  const customerPhone = createCustomerPhone(phone);
  const world = await startWorld(options.dataDir, customerPhone.whatsapp);
  // The customer's messages enter as WhatsApp's do: a signed webhook, stored, fanned out to members (R15).
  customerPhone.connect(world.server.url);
  const handles = Object.fromEntries(
    services.map((s) => [s, { adapter: world.adapters[s], onenumber: world.sdks[s] }]),
  ) as Record<Service, ServiceHandle>;
  const sendAsCustomer = (text: string) => customerPhone.send(text);
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
      await customerPhone.settle();
      await web.close();
      await world.close();
    },
  };
}
