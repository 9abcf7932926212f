// A ready system for the in-memory cases: one org, three services sharing one number, agents.
import { createMemoryDirectory, createOneNumber, type OneNumber } from '@onenumber/core';
import { createMemoryStorage } from '@onenumber/storage-memory';

export const number = '+81312345678';
export const services = ['crm', 'desk', 'salesiq'] as const;

export async function memoryWorld(): Promise<OneNumber> {
  const directory = createMemoryDirectory({
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: services.map((s) => ({ org: 'acme', id: `agent-${s}`, name: `Agent ${s}`, access: [s] })),
    numbers: [{ number, verified: true }],
  });
  const onenumber = createOneNumber({
    storage: createMemoryStorage({ directory }),
    directory,
  });
  for (const service of services) await onenumber.connect({ org: 'acme', service, number });
  return onenumber;
}
