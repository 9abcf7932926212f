// A small world for SalesIQ's own tests: a Zoho One org and a standalone one, operators, one number each.
import { createMemoryDirectory, createOneNumber, OneNumberError } from '@onenumber/core';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { expect } from 'vitest';
import { createSalesIQAdapter } from '../src';

export const NUMBER = '+81312345678';
export const SOLO_NUMBER = '+12025550100';
export const VISITOR = '+819012345678';

export function salesiqWorld() {
  const directory = createMemoryDirectory({
    orgs: [
      { id: 'acme', plan: 'zoho-one' },
      { id: 'solo', plan: 'zoho-one', services: { salesiq: 'standalone' } },
    ],
    agents: [
      { org: 'acme', id: 'sara', name: 'Sara', access: ['salesiq'] },
      { org: 'acme', id: 'ben', name: 'Ben', access: ['desk'] },
      { org: 'solo', id: 'sam', name: 'Sam', access: ['salesiq', 'desk'] },
    ],
    numbers: [
      { number: NUMBER, verified: true },
      { number: SOLO_NUMBER, verified: true },
    ],
  });
  const onenumber = createOneNumber({
    storage: createMemoryStorage({ directory }),
    directory,
  });
  return { onenumber, salesiq: createSalesIQAdapter({ onenumber, org: 'acme' }) };
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
