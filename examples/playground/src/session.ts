// One run of the playground's world: the server on its SQLite file, the three services' adapters,
// the customers' phones and their kept chats. Reset closes it, deletes its files and opens a new one
// (the web page and its address stay).
import { existsSync, rmSync } from 'node:fs';
import { OneNumberError } from '@onenumber/core';
import { join } from 'node:path';
import { createCustomerPhone } from './customerPhone';
import { agentsOf, number, org, services, type Service } from './demo';
import type { ServiceHandle } from './panes';
import { Phone } from './phone';
import { startWorld } from './world';

/** The files a session keeps in its data directory; only these are deleted on reset. */
const dataFiles = ['onenumber.db', 'onenumber.db-wal', 'onenumber.db-shm', 'phone.json'];

export function wipeData(dataDir: string): void {
  for (const name of dataFiles) {
    const path = join(dataDir, name);
    if (existsSync(path)) rmSync(path, { force: true });
  }
}

export const keptKey = (service: Service, customer: string) => `${service} ${customer}`;

export type Session = Awaited<ReturnType<typeof openSession>>;

export async function openSession(dataDir: string, changed: (what: string) => void) {
  const phone = new Phone(join(dataDir, 'phone.json'));
  const customerPhone = createCustomerPhone(phone);
  const world = await startWorld(dataDir, customerPhone.whatsapp);
  // The customer's messages enter as WhatsApp's do: a signed webhook, stored, fanned out to members (R15).
  customerPhone.connect(world.server.url);
  const handles = Object.fromEntries(
    services.map((s) => [s, { adapter: world.adapters[s], onenumber: world.sdks[s] }]),
  ) as Record<Service, ServiceHandle>;
  for (const service of services) {
    // R30: a customer's reaction, edit or revoke is an event of its own.
    const names = [
      'message',
      'reply',
      'reaction',
      'edit',
      'revoke',
      'status',
      'parent',
      'membership',
      'assignment',
    ] as const;
    for (const name of names) handles[service].adapter.on(name, () => changed(service));
  }
  phone.on('change', () => changed('phone'));
  // Assignments are kept per service (R12, R21): a service removed while it held a conversation
  // finds the same assignee when it connects again. Remembered here (per service and customer,
  // keptKey) so the pane can say why.
  const keptAssignees = new Map<string, string>();
  /** A read through the app API that answers null where the SDK refuses (nothing connected yet). */
  const orNull = <T>(read: Promise<T>): Promise<T | null> =>
    read.catch((error: unknown) => (OneNumberError.isInstance(error) ? null : Promise.reject(error)));

  return {
    serverUrl: world.server.url,
    handles,
    phone,
    keptAssignees,
    send: (customer: string, text: string) => customerPhone.send(customer, text),
    sendPhoto: customerPhone.sendPhoto,
    sendLocation: customerPhone.sendLocation,
    react: customerPhone.react,
    upload: customerPhone.upload,
    phoneFile: customerPhone.phoneFile,
    /** A message's file as the service sees it, through the server's media route with its own token. */
    media: (service: Service, message: string, customer: string) =>
      fetch(
        `${world.server.url}/v1/media/${encodeURIComponent(message)}?${new URLSearchParams({ number, customer })}`,
        {
          headers: { authorization: `Bearer ${world.tokens[service]}` },
        },
      ),
    /** The number's shared channel, or null until a first service connects. */
    channel: () => orNull(world.sdks.desk.members({ org, number })),
    /** The service's assignee of a customer's conversation, read before it leaves (so a kept one can be explained later). */
    async assigneeOf(service: Service, customer: string): Promise<string | null> {
      const sdk = world.sdks[service];
      const membership = await sdk.membership({ org, number, service });
      if (membership?.state !== 'active') return null;
      // R21, R33: the service's own assignee, as one of its agents sees it.
      const agent = agentsOf(service)[0]!.id;
      return (await orNull(sdk.view({ org, service, agent, number, customer })))?.assignee ?? null;
    },
    async close() {
      await customerPhone.settle();
      await world.close();
    },
  };
}
