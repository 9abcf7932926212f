// The HTTP side through the real `onenumber` binary: every example scenario on --storage http,
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
const examples = resolve(__dirname, '../../../examples/scenarios');
const files = readdirSync(examples)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(examples, f));
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
function serve(
  db: string,
  env: Record<string, string | undefined> = { ONENUMBER_ADMIN_TOKEN: adminToken },
  extra: string[] = [],
): Promise<Serve> {
  const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', db, ...extra], {
    env: { ...process.env, ...env },
    cwd: temp,
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((done) => proc.once('exit', (code) => done(code)));
  proc.stderr.resume();
  return new Promise((ready, fail) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      lines.push(line);
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url) ready({ proc, url, lines, exited });
    });
    void exited.then((code) =>
      fail(new Error(`onenumber serve exited (${code}) before listening: ${lines.join('\n')}`)),
    );
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
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

describe('onenumber scenario --storage http', () => {
  it.each(files.map((f) => [f.split('/').pop()!, f]))(
    '%s: exits 0, and --json is byte-identical to the memory run',
    async (_name, file) => {
      const http = await onenumber('scenario', file, '--storage', 'http', '--json');
      expect(http.stderr).toBe('');
      expect(http.code).toBe(0);
      const memory = await onenumber('scenario', file, '--json');
      expect(memory.code).toBe(0);
      expect(http.stdout).toBe(memory.stdout);
    },
    120_000,
  );

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
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ org: 'acme', service: 'crm' }),
    });
    expect(issued.status).toBe(201);
    const stream = await fetch(`${server.url}/v1/events?org=acme&service=crm`, {
      headers: { authorization: `Bearer ${token}` },
    });
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
    expect(
      (await fetch(`${server.url}/v1/admin/tokens`, { headers: { authorization: `Bearer ${adminToken}` } })).status,
    ).toBe(200);
    server.proc.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect((await onenumber('serve', '--port', 'abc')).code).toBe(2);
    expect((await onenumber('serve', '--synchronous', 'sometimes')).code).toBe(2);
  }, 60_000);
});

/** A client process: connects numbers as one service over HTTP (the SDK), one line per round. */
const raceWorker = `
import { createOneNumber } from '@onenumber/core';
import { createHttpDirectory, createHttpStorage } from '@onenumber/storage-http';
import { createInterface } from 'node:readline';
const { WORKER_URL: url, WORKER_TOKEN: token, WORKER_SERVICE: service } = process.env;
const api = createOneNumber({ storage: createHttpStorage({ url, token }), directory: createHttpDirectory({ url, token }) });
for await (const line of createInterface({ input: process.stdin })) {
  const [round, number] = line.split(' ');
  try {
    const r = await api.connect({ org: 'acme', service, number });
    process.stdout.write(JSON.stringify({ round: Number(round), service, channel: r.channel, role: r.role }) + '\\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ round: Number(round), service, error: error.code ?? String(error) }) + '\\n');
  }
}
`;

interface RaceResult {
  round: number;
  service: string;
  channel?: string;
  role?: string;
  error?: string;
}

describe('R6 under a race of OS processes', () => {
  it('3 client processes x 200 rounds connect one fresh number at once through 3 server processes on one SQLite file: one shared channel, one parent, always', async () => {
    const db = join(temp, 'race.sqlite');
    const first = await serve(db);
    const servers = [first, await serve(db), await serve(db)];
    const random = seeded(6);
    const numbers: string[] = [];
    while (numbers.length < 200) {
      const candidate = `+813${String(10_000_000 + Math.floor(random() * 89_999_999))}`;
      if (normaliseNumber(candidate) === candidate && !numbers.includes(candidate)) numbers.push(candidate);
    }
    await admin(first.url, 'POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      numbers: numbers.map((number) => ({ number, verified: true })),
    });
    const services = ['crm', 'desk', 'salesiq'];
    const results = new Map<number, RaceResult[]>();
    const waiting = new Map<number, () => void>();
    const workers = await Promise.all(
      services.map(async (service, i) => {
        const { token } = await admin(first.url, 'POST', '/v1/admin/tokens', { org: 'acme', service });
        const proc = spawn(process.execPath, ['--input-type=module', '-e', raceWorker], {
          cwd: cliDir,
          env: { ...process.env, WORKER_URL: servers[i]!.url, WORKER_TOKEN: token, WORKER_SERVICE: service },
        });
        proc.stderr.resume();
        createInterface({ input: proc.stdout }).on('line', (line) => {
          const result = JSON.parse(line) as RaceResult;
          const round = results.get(result.round) ?? [];
          results.set(result.round, [...round, result]);
          if (round.length + 1 === services.length) waiting.get(result.round)?.();
        });
        return proc;
      }),
    );
    const broken: unknown[] = [];
    for (const [round, number] of numbers.entries()) {
      const done = new Promise<void>((r) => waiting.set(round, r));
      for (const worker of workers) worker.stdin.write(`${round} ${number}\n`); // all three at once
      await done;
      const got = results.get(round)!;
      const channels = new Set(got.map((r) => r.channel));
      if (got.some((r) => r.error) || channels.size !== 1 || got.filter((r) => r.role === 'parent').length !== 1)
        broken.push({ round, got });
    }
    for (const worker of workers) worker.stdin.end();
    expect(broken).toEqual([]);
    // The database agrees, read back through another server process: three members, one parent, per number.
    for (const [round, number] of numbers.entries()) {
      const info = await admin(servers[2]!.url, 'POST', '/v1/storage/channelInfo', { org: 'acme', number });
      if (
        info.channel !== results.get(round)![0]!.channel ||
        info.members.length !== 3 ||
        info.members.filter((m: { role: string }) => m.role === 'parent').length !== 1
      )
        broken.push({ round, info });
    }
    expect(broken).toEqual([]);
    for (const server of servers) server.proc.kill('SIGTERM');
    expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0, 0]);
  }, 600_000);
});

describe('durability', () => {
  it('SIGKILLed again and again while inbound messages arrive: after restart every acknowledged message is there exactly once', async () => {
    const db = join(temp, 'durability.sqlite');
    const number = '+81312345678';
    const customer = '+819012345678';
    const random = seeded(42);
    let server = await serve(db);
    await admin(server.url, 'POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      numbers: [{ number, verified: true }],
    });
    const at = new Date().toISOString();
    await admin(server.url, 'POST', '/v1/storage/connect', {
      org: 'acme',
      number,
      service: 'crm',
      mode: 'shared',
      reason: 'bundle',
      at,
    });
    const acknowledged: string[] = [];
    const unknown: string[] = []; // sent when the server died: stored or not, the answer was lost
    let next = 0;
    const send = (url: string, id: string) =>
      createHttpStorage({ url, token: adminToken }).receive({
        number,
        customer,
        providerId: id,
        type: 'text',
        text: id,
        raw: null,
        at,
      });
    for (let kill = 0; kill < 6; kill++) {
      const url = server.url;
      let alive = true;
      const senders = Array.from({ length: 4 }, async () => {
        while (alive) {
          const id = `wamid.durable.${next++}`;
          try {
            const outcome = await send(url, id);
            if (outcome.duplicate) throw new Error(`${id} was new but came back a duplicate`);
            acknowledged.push(id);
          } catch (error) {
            if (!OneNumberError.isInstance(error) || error.code !== 'STORAGE_UNAVAILABLE') throw error;
            unknown.push(id);
            return;
          }
        }
      });
      // Killed after a seeded number of acknowledged messages, with four sends in flight.
      const target = acknowledged.length + 20 + Math.floor(random() * 60);
      let stopped = 0;
      senders.forEach((sender) => void sender.finally(() => stopped++).catch(() => {}));
      while (acknowledged.length < target && stopped === 0) await new Promise((r) => setTimeout(r, 2));
      server.proc.kill('SIGKILL');
      await server.exited;
      alive = false;
      await Promise.all(senders);
      server = await serve(db);
    }
    // WhatsApp retries what was not acknowledged: each is stored now, or was already (duplicate).
    for (const id of unknown) await send(server.url, id);
    for (const id of acknowledged) expect((await send(server.url, id)).duplicate).toBe(true);
    const info = await admin(server.url, 'POST', '/v1/storage/channelInfo', { org: 'acme', number });
    const conversation = await admin(server.url, 'POST', '/v1/storage/conversation', {
      org: 'acme',
      channel: info.channel,
      customer,
    });
    const history = await admin(server.url, 'POST', '/v1/storage/view', {
      org: 'acme',
      channel: info.channel,
      conversation: conversation.id,
      service: 'crm',
    });
    const counts = new Map<string, number>();
    for (const m of history as { text: string }[]) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    expect(acknowledged.length).toBeGreaterThanOrEqual(6 * 20);
    expect(acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(history).toHaveLength(acknowledged.length + unknown.length);
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 600_000);
});
