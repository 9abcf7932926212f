// The README's example runs as written and prints what its comments say.
import * as core from '@onenumber/core';
import * as memory from '@onenumber/storage-memory';
import { expect, it } from 'vitest';
import * as crm from '../src';
import { readFileSync } from 'node:fs';
import { runReadmeExample } from '@onenumber/core/testkit';

it("README: the example runs and shows R7, R18, R22, R23 in CRM's words", async () => {
  const logs = await runReadmeExample(readFileSync(new URL('../README.md', import.meta.url), 'utf8'), {
    '@onenumber/core': core,
    '@onenumber/storage-memory': memory,
    '@onenumber/zoho-crm': crm,
  });
  expect(JSON.parse(logs[0]!)).toMatchObject({ mode: 'shared', role: 'parent', reason: 'bundle' });
  expect(logs.slice(1)).toEqual([
    'Ben answered +819012345678 in desk; text hidden: null',
    'Ben',
    'confirmation-required',
    'assigned',
    'true',
  ]);
});
