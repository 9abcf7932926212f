// Every publishable package passes publint in strict mode (its warnings count as errors), and
// every package.json states the same supported Node versions as the root (publint suggested it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';
import { progress } from '../src/run';
import { publishablePackages, repoRoot, workspacePackages } from '../src/workspace';

describe('publint --strict', () => {
  it.each(publishablePackages().map((p) => [p.name, p] as const))(
    '%s',
    async (_, pkg) => {
      const { messages, pkg: json } = await publint({ pkgDir: pkg.dir, strict: true, pack: 'npm' });
      const shown = (type: string) =>
        messages.filter((m) => m.type === type).map((m) => formatMessage(m, json, { color: false }) ?? m.code);
      // Suggestions are advice (e.g. "sideEffects"), shown but not failed on.
      for (const line of shown('suggestion')) progress(`publint suggests for ${pkg.name}: ${line}`);
      expect({ errors: shown('error'), warnings: shown('warning') }).toEqual({ errors: [], warnings: [] });
    },
    120_000,
  );
});

describe('engines', () => {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines?: { node?: string } };

  it('the root names Node 20, 22 and 24', () => {
    expect(root.engines?.node).toMatch(/\^20\.[\d.]+ \|\| \^22\.[\d.]+ \|\| >=24/);
  });

  it.each(workspacePackages().map((p) => [p.rel, p] as const))('%s states the same Node versions', (_, pkg) => {
    expect(pkg.json.engines).toEqual({ node: root.engines?.node });
  });
});
