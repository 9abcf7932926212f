#!/usr/bin/env node
// `npm run layers`: the layering rules of .dependency-cruiser.cjs (core host-free, adapters and
// storages on core alone, no cycle between packages) plus one rule dependency-cruiser has no
// word for: no source file over 300 lines (small files, one concept each). Run from the
// repository root (or `--root DIR`); exit 0 when clean, 1 with each breach listed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const maxLines = 300;
const isTest = (p) => /(^|\/)(test|tests|__tests__|fixtures)(\/|$)|\.(test|spec|bench)\.[cm]?[jt]sx?$/.test(p);

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.[cm]?[jt]sx?$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** Source files (tests excluded) over `maxLines` lines, under packages/*\/src and examples/*\/src. */
export function oversizedFiles(root) {
  const found = [];
  for (const top of ['packages', 'examples']) {
    if (!existsSync(join(root, top))) continue;
    for (const pkg of readdirSync(join(root, top))) {
      const src = join(root, top, pkg, 'src');
      if (!existsSync(src)) continue;
      for (const file of sources(src)) {
        const rel = relative(root, file);
        if (isTest(rel)) continue;
        const lines = readFileSync(file, 'utf8').split('\n').length;
        if (lines > maxLines) found.push(`${rel}: ${lines} lines (at most ${maxLines}; split it by concept)`);
      }
    }
  }
  return found;
}

/** dependency-cruiser's command, found beside its main module (its exports map hides bin/). */
function depcruiseBin() {
  let dir = dirname(fileURLToPath(import.meta.resolve('dependency-cruiser')));
  while (!existsSync(join(dir, 'bin', 'dependency-cruise.mjs'))) {
    if (dirname(dir) === dir) throw new Error('dependency-cruiser is not installed: run npm ci');
    dir = dirname(dir);
  }
  return join(dir, 'bin', 'dependency-cruise.mjs');
}

function main() {
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? process.argv[at + 1] : process.cwd();
  const depcruise = depcruiseBin();
  const cruise = spawnSync(
    process.execPath,
    [depcruise, 'packages', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    { cwd: root, encoding: 'utf8' },
  );
  process.stdout.write(cruise.stdout);
  process.stderr.write(cruise.stderr);
  const oversized = oversizedFiles(root);
  for (const line of oversized) console.log(`  error file-size: ${line}`);
  const ok = cruise.status === 0 && oversized.length === 0;
  console.log(
    ok ? 'layers: OK (dependency rules and file sizes)' : 'layers: FAIL (see .dependency-cruiser.cjs for the rules)',
  );
  process.exit(ok ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
