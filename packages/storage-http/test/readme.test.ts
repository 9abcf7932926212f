// The README's example runs as written and prints what its comments say.
import * as core from '@onenumber/core';
import * as server from '@onenumber/server';
import { expect, it } from 'vitest';
import * as http from '../src';
import { readFileSync } from 'node:fs';
import { runReadmeExample } from '@onenumber/core/testkit';

it("README: two services over HTTP share a number; Desk sees CRM's reply masked, live and in its view", async () => {
  const logs = await runReadmeExample(readFileSync(new URL('../README.md', import.meta.url), 'utf8'), {
    '@onenumber/core': core,
    '@onenumber/storage-http': http,
    '@onenumber/server': server,
  });
  expect(logs).toEqual(['parent', 'child', 'crm true null', 'Where is my order? | (masked)']);
}, 30_000);
