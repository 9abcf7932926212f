// The README's example runs as written and prints what its comments say.
import { expect, it } from 'vitest';
import * as server from '../../src';
import { runReadme } from './support/runReadme';

it('README: start a server, load the directory, issue a token; the token is scoped and the server re-derives facts', async () => {
  const logs = await runReadme(new URL('../../README.md', import.meta.url), { '@onenumber/server': server });
  expect(logs).toEqual(['Aiko', '403', 'FORBIDDEN', '401', 'FORBIDDEN', 'parent']);
});
