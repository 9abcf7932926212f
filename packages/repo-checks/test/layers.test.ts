// The layering check fails on each kind of breach, and passes on this repository.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const layers = resolve(here, '../bin/layers.mjs');
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small tree with this repository's rules and the given source files. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'onenumber-layers-'));
  made.push(root);
  copyFileSync(join(repo, '.dependency-cruiser.cjs'), join(root, '.dependency-cruiser.cjs'));
  copyFileSync(join(repo, 'tsconfig.layers.json'), join(root, 'tsconfig.layers.json'));
  const base: Record<string, string> = {
    'packages/core/src/index.ts': 'export const rule = 1;\n',
    'packages/server/src/index.ts': "import { rule } from '@onenumber/core';\nexport const server = rule;\n",
    'packages/whatsapp/src/index.ts': 'export const whatsapp = 1;\n',
    'packages/zoho-desk/src/index.ts': "import { rule } from '@onenumber/core';\nexport const desk = rule;\n",
    'packages/storage-memory/src/index.ts': "import { rule } from '@onenumber/core';\nexport const memory = rule;\n",
  };
  for (const [path, text] of Object.entries({ ...base, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string) {
  const run = spawnSync(process.execPath, [layers, '--root', root], { encoding: 'utf8', cwd: repo });
  return { status: run.status, output: run.stdout + run.stderr };
}

// Each check spawns dependency-cruiser (about 4 s on an idle 2-core machine, more under load).
describe('layers', { timeout: 60_000 }, () => {
  it('passes on a tree that keeps the rules', () => {
    const result = check(tree({}));
    expect(result.output).toContain('layers: OK');
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'core imports a Node built-in',
      { 'packages/core/src/clock.ts': "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n" },
      'core-is-host-free',
    ],
    [
      'core imports a database driver',
      { 'packages/core/src/db.ts': "import Database from 'better-sqlite3';\nexport const d = Database;\n" },
      'core-is-host-free-npm',
    ],
    [
      'core imports another package of ours',
      { 'packages/core/src/up.ts': "import { whatsapp } from '@onenumber/whatsapp';\nexport const w = whatsapp;\n" },
      'core-imports-no-other-package',
    ],
    [
      'an adapter imports the server',
      { 'packages/zoho-desk/src/server.ts': "import { server } from '@onenumber/server';\nexport const s = server;\n" },
      'adapters-import-core-only',
    ],
    [
      'a storage imports whatsapp',
      {
        'packages/storage-memory/src/wa.ts':
          "import { whatsapp } from '@onenumber/whatsapp';\nexport const w = whatsapp;\n",
      },
      'storages-import-core-only',
    ],
    [
      'two packages import each other',
      {
        'packages/whatsapp/src/index.ts':
          "import { server } from '@onenumber/server';\nexport const whatsapp = server;\n",
        'packages/server/src/index.ts':
          "import { whatsapp } from '@onenumber/whatsapp';\nexport const server = whatsapp;\n",
      },
      'no-package-cycles',
    ],
    [
      'a source file runs past 300 lines',
      { 'packages/server/src/long.ts': 'export const x = 1;\n'.repeat(301) },
      'file-size',
    ],
  ])('fails when %s', (_, files, rule) => {
    const result = check(tree(files));
    expect(result.output).toContain(rule);
    expect(result.output).toContain('layers: FAIL');
    expect(result.status).toBe(1);
  });

  it('ignores long test files', () => {
    const result = check(tree({ 'packages/server/src/long.test.ts': 'export const x = 1;\n'.repeat(400) }));
    expect(result.status).toBe(0);
  });

  it('passes on this repository', () => {
    const result = check(repo);
    expect(result.output).toContain('layers: OK');
    expect(result.status).toBe(0);
  });
});
