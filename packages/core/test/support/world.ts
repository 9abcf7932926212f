// The test world: the real core over the real memory storage and an in-memory directory.
// storage-memory depends on core, so it is imported by path here (no package.json cycle).
import { expect } from 'vitest';
import { createMemoryStorage } from '../../../storage-memory/src';
import {
  createMemoryDirectory,
  createOneNumber,
  OneNumberError,
  type ChannelEvent,
  type ChannelStorage,
  type ErrorCode,
  type OneNumber,
} from '../../src';

/** Business numbers (valid per libphonenumber-js), all verified unless named otherwise. */
export const N1 = '+81312345678';
export const N2 = '+12025550100';
export const N3 = '+81312345670';
export const UNVERIFIED = '+81312345679';
/** Customers (WhatsApp ids). */
export const C1 = '+819012345678';
export const C2 = '+819011112222';

export const bundleServices = ['desk', 'crm', 'salesiq', 'campaigns'] as const;

/** acme: Zoho One with a standalone and an upgraded service; beta: CRM Plus; solo: standalone. */
export function makeDirectory() {
  return createMemoryDirectory({
    orgs: [
      { id: 'acme', plan: 'zoho-one', services: { bigin: 'standalone', survey: 'upgraded' } },
      { id: 'beta', plan: 'crm-plus' },
      { id: 'solo', plan: 'standalone' },
    ],
    agents: [
      { org: 'acme', id: 'a', name: 'Agent A', access: ['crm'] },
      { org: 'acme', id: 'b', name: 'Agent B', access: ['desk'] },
      { org: 'acme', id: 'c', name: 'Agent C', access: ['desk', 'crm'] },
      { org: 'acme', id: 'd', name: 'Agent D', access: ['desk', 'crm'] },
      { org: 'acme', id: 's', name: 'Agent S', access: ['salesiq'] },
      { org: 'acme', id: 'k', name: 'Agent K', access: ['books'] },
      {
        org: 'acme',
        id: 'all',
        name: 'Agent All',
        access: ['desk', 'crm', 'salesiq', 'campaigns', 'books', 'bigin', 'survey'],
      },
      { org: 'beta', id: 'x', name: 'Agent X', access: ['desk', 'crm'] },
    ],
    numbers: [
      { number: N1, verified: true },
      { number: N2, verified: true },
      { number: N3, verified: true },
      { number: UNVERIFIED, verified: false },
    ],
  });
}

/** The world; `wrap` may replace the memory storage's methods (deliberately broken storages test the tests). */
export function makeWorld(wrap: (storage: ChannelStorage) => ChannelStorage = (storage) => storage) {
  const directory = makeDirectory();
  const one: OneNumber = createOneNumber({ storage: wrap(createMemoryStorage({ directory })), directory });
  return { one, directory };
}

/** Connects services of acme on a number, in order. */
export async function connectAll(one: OneNumber, number: string, services: readonly string[], org = 'acme') {
  const results = [];
  for (const service of services) results.push(await one.connect({ org, service, number }));
  return results;
}

/** Awaits a refusal and checks it is a OneNumberError with `code`; returns it. */
export async function refusal(promise: Promise<unknown>, code: ErrorCode): Promise<OneNumberError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected ${code}, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(OneNumberError.isInstance(error), String(error)).toBe(true);
  const typed = error as OneNumberError;
  expect(typed.code, typed.message).toBe(code);
  expect(typed.message.length).toBeGreaterThan(10);
  return typed;
}

/** A service's whole event stream. */
export const eventsOf = (one: OneNumber, service: string, org = 'acme'): Promise<ChannelEvent[]> =>
  one.events({ org, service });

export const servicesOf = (members: { service: string; role: string }[]) =>
  members.map((m) => `${m.service}${m.role === 'parent' ? '*' : ''}`);

export const texts = (messages: { text: string | null }[]) => messages.map((m) => m.text);
