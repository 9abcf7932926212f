// Every publishable package's types resolve for ESM and CJS consumers (`attw --profile node16`:
// node16 from ESM, node16 from CJS, bundler). The node10 resolution is left out: it ignores
// `exports`, and TypeScript deprecates it. The two test kits run inside vitest, which cannot be
// required, so they ship ESM only and are checked with the esm-only profile.
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

// Entry points that are ESM only, per package ('.' is the package root).
const esmOnly: Record<string, string[]> = {
  '@onenumber/storage-testkit': ['.'],
  '@onenumber/core': ['./testkit'],
};

const checks = publishablePackages().flatMap((pkg) => {
  const only = esmOnly[pkg.name] ?? [];
  const node16 = only.includes('.')
    ? []
    : [
        {
          label: `${pkg.name} (node16)`,
          pkg,
          flags: ['--profile', 'node16', ...(only.length ? ['--exclude-entrypoints', ...only] : [])],
        },
      ];
  const esm = only.length
    ? [
        {
          label: `${pkg.name} ${only.join(' ')} (esm-only)`,
          pkg,
          flags: ['--profile', 'esm-only', '--entrypoints', ...only],
        },
      ]
    : [];
  return [...node16, ...esm];
});

describe('attw --pack', () => {
  it.each(checks.map((c) => [c.label, c] as const))(
    '%s',
    async (_, { pkg, flags }) => {
      const args = [attw, '--pack', pkg.dir, ...flags, '--format', 'ascii', '--no-color', '--no-emoji'];
      const result = await runUnchecked(process.execPath, args, { cwd: pkg.dir });
      expect({ code: result.code, problems: result.code === 0 ? '' : result.stdout + result.stderr }).toEqual({
        code: 0,
        problems: '',
      });
    },
    120_000,
  );
});
