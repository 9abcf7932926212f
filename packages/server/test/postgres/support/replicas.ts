// Three (or N) OneNumber server processes on one PostgreSQL database, for the replica tests
// (issue 10): the server built once with tsup (as the package is built) into node_modules/.cache,
// each replica spawned with its own name on the test's schema; the admin token is the same for all.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const script = join(packageDir, 'test/postgres/support/replicaProcess.mjs');

export const adminToken = 'replica-test-admin-token-0123456789';

/** Builds src/index.ts for the child processes; returns the built ESM module's path. */
export async function buildServer(): Promise<string> {
  const outDir = join(packageDir, 'node_modules/.cache/onenumber-server-replica-test');
  mkdirSync(outDir, { recursive: true });
  await build({
    entry: { server: join(packageDir, 'src/index.ts') },
    format: ['esm'],
    outDir,
    dts: false,
    silent: true,
    config: false,
    clean: false,
    platform: 'node',
    target: 'node20',
    skipNodeModulesBundle: true,
    tsconfig: join(packageDir, 'tsconfig.json'),
  });
  return join(outDir, 'server.js');
}

export interface Replica {
  name: string;
  child: ChildProcess;
  pid: number;
  url: string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Spawns one replica and resolves once it listens. `env` adds to (or, with undefined, removes from) the environment. */
export async function startReplica(
  modulePath: string,
  url: string,
  schema: string,
  name: string,
  env: Record<string, string | undefined> = {},
): Promise<Replica> {
  const merged: Record<string, string | undefined> = { ...process.env, ONENUMBER_ADMIN_TOKEN: adminToken };
  for (const key of Object.keys(merged)) if (key.startsWith('WHATSAPP_')) delete merged[key];
  Object.assign(merged, env);
  const child = spawn(process.execPath, [script, modulePath, url, schema, name], {
    env: merged,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      running.delete(child);
      done(code);
    }),
  );
  const listening = await new Promise<string>((ready, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening (\S+)$/.exec(line);
      if (match) ready(match[1]!);
    });
    void exited.then((code) => fail(new Error(`replica ${name} exited (${code}) before listening`)));
  });
  return { name, child, pid: child.pid!, url: listening, exited };
}

/** SIGTERM to every replica still running (graceful), then their exit codes. */
export async function stopReplicas(replicas: readonly Replica[]): Promise<(number | null)[]> {
  for (const r of replicas) if (running.has(r.child)) r.child.kill('SIGTERM');
  return Promise.all(replicas.map((r) => r.exited));
}

/** SIGKILL for whatever a failed test left running. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** An admin request; throws with the status and body unless 2xx. */
export async function admin(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A seeded PRNG (mulberry32): the same rounds on every run. */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined/false; fails after `ms` naming `what`. */
export async function until<T>(
  probe: () => Promise<T> | T,
  what: string,
  ms = 60_000,
): Promise<Exclude<T, undefined | false>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
