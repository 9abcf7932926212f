// The README's example runs as written and prints what its comments say.
import * as core from '@onenumber/core';
import * as server from '@onenumber/server';
import { expect, it } from 'vitest';
import * as http from '../src';
import { runReadme } from './support/runReadme';

it('README: two services over HTTP share a number; Desk sees CRM\'s reply masked, live and in its view', async () => {
  const logs = await runReadme(new URL('../README.md', import.meta.url), {
    '@onenumber/core': core, '@onenumber/storage-http': http, '@onenumber/server': server,
  });
  expect(logs).toEqual(['parent', 'child', 'crm true null', 'Where is my order? | (masked)']);
}, 30_000);
