// A small world for CRM's own tests: one Zoho One org, CRM and Desk users, one number.
import { createMemoryDirectory, createOneNumber, OneNumberError } from '@onenumber/core';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { expect } from 'vitest';
import { createCrmAdapter } from '../src';

export const NUMBER = '+81312345678';
export const CONTACT = '+819012345678';

export function crmWorld() {
  const directory = createMemoryDirectory({
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [
      { org: 'acme', id: 'chris', name: 'Chris', access: ['crm'] },
      { org: 'acme', id: 'ben', name: 'Ben', access: ['desk'] },
    ],
    numbers: [{ number: NUMBER, verified: true }],
  });
  const onenumber = createOneNumber({
    storage: createMemoryStorage({ directory }),
    directory,
  });
  return { onenumber, crm: createCrmAdapter({ onenumber, org: 'acme' }) };
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
