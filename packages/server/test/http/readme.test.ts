// The README's example runs as written and prints what its comments say.
import { expect, it } from 'vitest';
import * as server from '../../src';
import { readFileSync } from 'node:fs';
import { runReadmeExample } from '@onenumber/core/testkit';

it('README: start a server, load the directory, issue a token; the token is scoped and the server re-derives facts', async () => {
  const logs = await runReadmeExample(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'), {
    '@onenumber/server': server,
  });
  expect(logs).toEqual(['Aiko', '403', 'FORBIDDEN', '401', 'FORBIDDEN', 'parent']);
});
