// The README's typed-client example (packages/server/README.md, "A typed client"), so the test can
// type-check it against the generated types and run it as written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './generated';

export function readmeTypedClientExample(): string {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const code = /### A typed client[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code) throw new Error('README.md has no ```ts example under "### A typed client"');
  return code;
}
