// Core's surface by audience: the app API at '@onenumber/core', the zod schemas at
// '@onenumber/core/schemas', what storages implement and apply at '@onenumber/core/storage-kit'
// (the adapter suite is at '@onenumber/core/testkit'). The instance holds no raw storage or
// directory a caller could write through past the rules (R33).
import { describe, expect, it } from 'vitest';
import * as app from '../src';
import * as schemas from '../src/schemas';
import * as kit from '../src/storage-kit';
import { C1, N1, connectAll, makeWorld, refusal } from './support/world';

const runtime = (module: object) => Object.keys(module).sort();

describe('entry points by audience', () => {
  it('the app API holds the instance, errors, events, the memory directory and the adapter factory; no schema or storage helper', () => {
    for (const name of [
      'createOneNumber',
      'OneNumberError',
      'errorCodes',
      'createMemoryDirectory',
      'defineServiceAdapter',
    ])
      expect(runtime(app)).toContain(name);
    const elsewhere = runtime(app).filter((name) => name in schemas || name in kit);
    expect(elsewhere).toEqual([]);
    expect(runtime(app).filter((name) => name.endsWith('Schema') || name.endsWith('Schemas'))).toEqual([]);
    expect(runtime(app).length).toBeLessThan(45);
  });

  it('the schemas entry holds every input schema and parseInput; the storage kit the interface version and the decisions', () => {
    for (const name of [
      'connectInputSchema',
      'replyInputSchema',
      'maskingPolicySchema',
      'orgEntrySchema',
      'parseInput',
    ])
      expect(runtime(schemas)).toContain(name);
    for (const name of ['storageSpecificationVersion', 'decideConversation', 'projectMessage', 'settleMembership'])
      expect(runtime(kit)).toContain(name);
  });

  it("R33: the instance has no raw storage or directory; membership() answers the service's own membership", async () => {
    const { one } = makeWorld();
    expect(one).not.toHaveProperty('storage');
    expect(one).not.toHaveProperty('directory');
    expect(await one.membership({ org: 'acme', service: 'desk', number: N1 })).toBeNull();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.disable({ org: 'acme', service: 'crm', number: N1 });
    expect(await one.membership({ org: 'acme', service: 'desk', number: '+81 3-1234-5678' })).toEqual({
      channel: expect.any(String),
      mode: 'shared',
      state: 'active',
      role: 'parent',
    });
    expect(await one.membership({ org: 'acme', service: 'crm', number: N1 })).toMatchObject({
      state: 'disabled',
      role: 'child',
    });
    await refusal(one.membership({ org: 'nowhere', service: 'crm', number: N1 }), 'UNKNOWN_ORG');
    await refusal(one.membership({ org: 'acme', service: 'crm', number: 'no number' }), 'INVALID_NUMBER');
    await refusal(one.membership({ org: 'acme', service: 'crm', number: N1, customer: C1 } as never), 'INVALID_INPUT');
  });
});
