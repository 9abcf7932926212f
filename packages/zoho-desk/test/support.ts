// A small world for Desk's own tests: one Zoho One org, a Desk agent, a CRM agent, one number.
import { createMemoryDirectory, createOneNumber, OneNumberError } from '@onenumber/core';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { expect } from 'vitest';
import { createDeskAdapter } from '../src';

export const NUMBER = '+81312345678';
export const CONTACT = '+819012345678';

export function deskWorld() {
  const directory = createMemoryDirectory({
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [
      { org: 'acme', id: 'ben', name: 'Ben', access: ['desk'] },
      { org: 'acme', id: 'aiko', name: 'Aiko', access: ['crm'] },
    ],
    numbers: [{ number: NUMBER, verified: true }],
  });
  const onenumber = createOneNumber({
    storage: createMemoryStorage({ directory }),
    directory,
  });
  return { onenumber, desk: createDeskAdapter({ onenumber, org: 'acme' }) };
}

export async function refusedField(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(OneNumberError.isInstance(error)).toBe(true);
  expect((error as OneNumberError).code).toBe('INVALID_INPUT');
  return (error as OneNumberError).field;
}
