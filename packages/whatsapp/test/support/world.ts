// The test world: the real core over the real memory storage, a real signed webhook handler.
import { createMemoryDirectory, createOneNumber, type ChannelStorage, type OneNumber } from '@onenumber/core';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { signWebhookBody } from '../../src';

export const SECRET = 'app-secret-for-tests';
export const VERIFY = 'verify-token-for-tests';
/** A business number, its Cloud API phone_number_id and display form. */
export const N1 = '+81312345678';
export const PNID = '106540352242922';
export const LINE = { account: '102290129340398', phoneNumberId: PNID, displayPhoneNumber: '81312345678' };
/** Customers: two phones (wa_id digits) and one known only by business-scoped user id. */
export const WA1 = '819012345678';
export const WA2 = '819011112222';
export const BSUID = 'JP.13491208655302741918';

/** The core's clock: by default a fixed time just after the test messages (2025-06-01). */
export const testNow = () => new Date('2025-06-01T10:30:00.000Z');

/** The SDK over a memory storage; the storage itself too, for what reads it beside the SDK (the outbox worker). */
export function makeWorld(clock: () => Date = testNow): { one: OneNumber; storage: ChannelStorage } {
  const directory = createMemoryDirectory({
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [
      { org: 'acme', id: 'a', name: 'Agent A', access: ['crm'] },
      { org: 'acme', id: 'b', name: 'Agent B', access: ['desk'] },
    ],
    numbers: [{ number: N1, verified: true }],
  });
  const storage = createMemoryStorage({ directory });
  return { one: createOneNumber({ clock, storage, directory }), storage };
}

export const makeOne = (clock: () => Date = testNow): OneNumber => makeWorld(clock).one;

/** crm and desk connected on N1; `storage` is the memory storage under the SDK. */
export async function connectedWorld(clock?: () => Date): Promise<{ one: OneNumber; storage: ChannelStorage }> {
  const world = makeWorld(clock);
  await world.one.connect({ org: 'acme', service: 'crm', number: N1 });
  await world.one.connect({ org: 'acme', service: 'desk', number: N1 });
  return world;
}

export async function connected(clock?: () => Date): Promise<OneNumber> {
  return (await connectedWorld(clock)).one;
}

/** A POST as Meta sends it: these exact bytes, signed (or with the given header). */
export function post(body: string, signature: string | null = signWebhookBody(body, SECRET)): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return new Request('http://127.0.0.1/webhooks/whatsapp', { method: 'POST', headers, body });
}

export const resolveN1 = (origin: { phoneNumberId: string }) => (origin.phoneNumberId === PNID ? N1 : null);
