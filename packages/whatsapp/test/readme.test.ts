// The README's example runs as written (its imports bound to the real modules) and prints what
// its comments say.
import * as core from '@onenumber/core';
import * as memory from '@onenumber/storage-memory';
import { readFileSync } from 'node:fs';
import { runReadmeExample } from '@onenumber/core/testkit';
import { expect, it } from 'vitest';
import * as whatsapp from '../src';

it('README: the simulator example runs: the reply reaches the phone, and Desk sees it masked and read (R17)', async () => {
  const logs = await runReadmeExample(readFileSync(new URL('../README.md', import.meta.url), 'utf8'), {
    '@onenumber/core': core,
    '@onenumber/storage-memory': memory,
    '@onenumber/whatsapp': whatsapp,
  });
  expect(logs).toEqual(['["It ships today."]', '[["Where is my order?","received"],[null,"read"]]', '1']);
});

it("README: the outbound example runs: the customer's phone shows the read receipt with typing, the document and the reaction (R39, R16, R30)", async () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Answer like an agent'));
  const logs = await runReadmeExample(section, { '@onenumber/whatsapp': whatsapp });
  expect(logs).toEqual(['[true]', '[["document","Here it is"],["reaction","👍"]]']);
});
