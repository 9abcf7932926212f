// The README's example runs as written and prints what its comments say.
import * as core from '@onenumber/core';
import * as memory from '@onenumber/storage-memory';
import { expect, it } from 'vitest';
import * as desk from '../src';
import { readFileSync } from 'node:fs';
import { runReadmeExample } from '@onenumber/core/testkit';

it("README: the example runs and shows R4, R15, R17, R22, R23, R24 in Desk's words", async () => {
  const logs = await runReadmeExample(readFileSync(new URL('../README.md', import.meta.url), 'utf8'), {
    '@onenumber/core': core,
    '@onenumber/storage-memory': memory,
    '@onenumber/zoho-desk': desk,
  });
  expect(JSON.parse(logs[0]!)).toMatchObject({ mode: 'shared', role: 'child', reason: 'bundle' });
  expect(logs).toContainEqual(expect.stringMatching(/^ticket \S+: \+819012345678 wrote "Where is my order\?"$/));
  expect(logs).toContain(JSON.stringify(['Where is my order?', '[crm reply, masked]']));
  expect(logs).toContainEqual(expect.stringMatching(/another agent in Zoho CRM.*yourself in Zoho Desk/));
  expect(logs).toContain('ASSIGNMENT_REQUIRED');
  expect(logs).toContainEqual(expect.stringContaining('"status":"assigned"'));
  expect(logs.at(-1)).toBe('true Orders');
});
