// The README's example runs as written and prints what its comments say.
import * as core from '@onenumber/core';
import * as memory from '@onenumber/storage-memory';
import { expect, it } from 'vitest';
import * as salesiq from '../src';
import { readFileSync } from 'node:fs';
import { runReadmeExample } from '@onenumber/core/testkit';

it("README: the example runs and shows R7, R11, R15, R16 in SalesIQ's words", async () => {
  const logs = await runReadmeExample(readFileSync(new URL('../README.md', import.meta.url), 'utf8'), {
    '@onenumber/core': core,
    '@onenumber/storage-memory': memory,
    '@onenumber/zoho-salesiq': salesiq,
  });
  expect(JSON.parse(logs[0]!)).toMatchObject({ mode: 'shared', role: 'child', reason: 'bundle' });
  expect(logs.slice(1)).toEqual([
    expect.stringMatching(/^chat \S+: \+819012345678 says "Do you ship to Osaka\?"$/),
    'reply from salesiq, masked: false, text: Yes, in two days.',
    'parent desk -> salesiq (removed)',
    JSON.stringify([{ service: 'salesiq', role: 'parent' }]),
    'true',
  ]);
});
