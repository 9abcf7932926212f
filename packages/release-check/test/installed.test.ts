// The packages as users install them: packed, installed from the tarballs into a fresh app in
// the system's temp dir, then the core README's quick start, the node-integrator example, a
// scenario through `npx onenumber` and `npx onenumber serve` run there.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstalledApp, installApp } from '../src/app';
import { progress, run } from '../src/run';
import { publishablePackages, repoRoot } from '../src/workspace';

let app: InstalledApp;
const vitestOnly = new Set(['@onenumber/storage-testkit']);
const node = (args: string[], timeoutMs = 90_000) =>
  run(process.execPath, args, { cwd: app.dir, env: app.env, timeoutMs });

beforeAll(async () => {
  app = await installApp();
  progress(`installed ${app.tarballs.length} tarballs in ${app.dir}`);
}, 600_000);

describe('installed from the packed tarballs, outside the workspace', () => {
  it('the app resolves each package from its own node_modules', () => {
    for (const pkg of publishablePackages()) {
      const json = JSON.parse(readFileSync(join(app.dir, 'node_modules', pkg.name, 'package.json'), 'utf8'));
      expect(json.name).toBe(pkg.name);
    }
    expect(app.dir.startsWith(repoRoot)).toBe(false);
  });

  it('every package loads from ESM and from CommonJS', async () => {
    for (const pkg of publishablePackages()) {
      await node(['--input-type=module', '-e', `await import(${JSON.stringify(pkg.name)});`]);
      // The storage testkit is vitest's suite: vitest itself refuses require(), so ESM only.
      if (!vitestOnly.has(pkg.name)) await node(['-e', `require(${JSON.stringify(pkg.name)});`]);
    }
    await node(['--input-type=module', '-e', "await import('@onenumber/core/testkit');"]);
    // The test kits say so to a CommonJS caller: not exported for require, instead of vitest's
    // own failure deep inside the kit.
    for (const kit of ['@onenumber/storage-testkit', '@onenumber/core/testkit']) {
      const tried = `try { require(${JSON.stringify(kit)}); console.log('loaded'); } catch (e) { console.log(e.code); }`;
      const { stdout } = await node(['-e', tried]);
      expect(stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    }
    // Core's entry points by audience: the schemas and the storage kit, from ESM and CommonJS.
    for (const entry of ['@onenumber/core/schemas', '@onenumber/core/storage-kit']) {
      await node(['--input-type=module', '-e', `await import(${JSON.stringify(entry)});`]);
      await node(['-e', `require(${JSON.stringify(entry)});`]);
    }
  }, 120_000);

  it("runs the core README's quick start as written", async () => {
    // The first ```ts block, as runReadmeExample takes it; the examples are plain JavaScript.
    const readme = readFileSync(join(repoRoot, 'packages/core/README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeTruthy();
    writeFileSync(join(app.dir, 'quick-start.mjs'), code!);
    const { stdout } = await node(['quick-start.mjs']);
    expect(stdout.trim()).not.toBe('');
  }, 120_000);

  it('runs the node-integrator example against a real server', async () => {
    copyFileSync(join(repoRoot, 'examples/node-integrator/integrate.mjs'), join(app.dir, 'integrate.mjs'));
    const { stdout } = await node(['integrate.mjs']);
    expect(stdout).toMatch(/crm connects:.*role: 'parent'/s);
    expect(stdout).toMatch(/desk connects:.*role: 'child'/s);
    expect(stdout).toContain('desk received: Where is my order?');
    expect(stdout).toContain('desk view: out [masked reply from crm]');
    expect(stdout).not.toContain('It ships today');
  }, 120_000);

  it('npx onenumber scenario runs the bundled scenario files, exit 0', async () => {
    const files = readdirSync(join(repoRoot, 'examples/scenarios')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) copyFileSync(join(repoRoot, 'examples/scenarios', file), join(app.dir, file));
    const { stdout } = await run('npx', ['onenumber', 'scenario', ...files], {
      cwd: app.dir,
      env: app.env,
      timeoutMs: 120_000,
    });
    expect(stdout).toContain('pass');
  }, 180_000);

  it('npx onenumber serve answers GET /health, then stops on SIGTERM', async () => {
    const env = { ...app.env, ONENUMBER_ADMIN_TOKEN: 'release-check-admin-token-0123456789' };
    const args = ['onenumber', 'serve', '--port', '0', '--db', join(app.dir, 'serve.db')];
    progress(`$ npx ${args.join(' ')}`);
    // Its own process group, so that npx and the server under it both get the signal.
    const server = spawn('npx', args, { cwd: app.dir, env, stdio: 'pipe', detached: true });
    const output = collect(server);
    try {
      const url = await listeningUrl(output);
      const health = await fetch(`${url}/health`);
      progress(`  GET ${url}/health: ${health.status}`);
      expect(health.status).toBe(200);
    } finally {
      await stop(server);
    }
    expect(output.text()).toContain('Stopped on SIGTERM');
  }, 120_000);
});

// ONENUMBER_KEEP_APP=1 keeps the app for a look; otherwise it goes (a few hundred MB each run).
// Removing the app's node_modules takes more than vitest's default 10 s on a loaded machine.
afterAll(() => {
  if (!app) return;
  if (process.env.ONENUMBER_KEEP_APP) progress(`the app stays in ${app.dir}`);
  else rmSync(app.root, { recursive: true, force: true });
}, 120_000);

interface Output {
  text: () => string;
  exited: Promise<number | null>;
}

function collect(child: ChildProcess): Output {
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk));
  // 'close': every holder of the pipes is gone, the server under npx included.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { text: () => text, exited };
}

/** The URL `serve` prints once it listens. */
async function listeningUrl(output: Output): Promise<string> {
  let exited = false;
  void output.exited.then(() => (exited = true));
  for (const started = Date.now(); Date.now() - started < 60_000 && !exited; ) {
    const m = /listening on (http:\/\/\S+)/.exec(output.text());
    if (m) return m[1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`serve did not listen (${exited ? 'it exited' : 'within 60 s'}):\n${output.text()}`);
}

/** SIGTERM to the process group; SIGKILL if it lingers. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null || !server.pid) return;
  const exited = new Promise((resolve) => server.on('close', resolve));
  process.kill(-server.pid, 'SIGTERM');
  const timer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
  progress('  serve stopped');
}
