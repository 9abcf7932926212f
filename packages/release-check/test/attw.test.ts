// Every publishable package's types resolve for ESM and CJS consumers (`attw --profile node16`:
// node16 from ESM, node16 from CJS, bundler). The node10 resolution is left out: it ignores
// `exports`, so `@onenumber/core/testkit` cannot resolve there, and TypeScript deprecates it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runUnchecked } from '../src/run';
import { publishablePackages } from '../src/workspace';

// The attw command, found beside its package.json (its exports map hides bin/).
const attw = join(
  dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')),
  'dist/index.js',
);

describe('attw --pack --profile node16', () => {
  it.each(publishablePackages().map((p) => [p.name, p] as const))(
    '%s',
    async (_, pkg) => {
      const args = [attw, '--pack', pkg.dir, '--profile', 'node16', '--format', 'ascii', '--no-color', '--no-emoji'];
      const result = await runUnchecked(process.execPath, args, { cwd: pkg.dir });
      expect({ code: result.code, problems: result.code === 0 ? '' : result.stdout + result.stderr }).toEqual({
        code: 0,
        problems: '',
      });
    },
    120_000,
  );
});
