// The servers under load, each in its own process so the load generator never shares their event
// loop: the hand-written baselines (baselineMain.ts), and the real OneNumber server (`onenumber
// serve` with the WhatsApp webhook on, three services connected to the number). With env
// ONENUMBER_BENCH_PROFILE=DIR (`npm run bench -- --profile DIR`) each runs under `node --cpu-prof`
// and writes DIR/<label>.cpuprofile when stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appSecret, phoneNumberId } from './payload';

const cliBin = join(dirname(createRequire(import.meta.url).resolve('@onenumber/cli/package.json')), 'dist/bin.js');
const here = dirname(fileURLToPath(import.meta.url));
// From dist/ (bundled) or src/ingest/ (vitest): the built baseline, so `npm test` builds first (turbo does).
const baselineMain = join(here.replace(/[/\\](src[/\\]ingest|dist)$/, ''), 'dist/ingest/baselineMain.js');
const adminToken = 'bench-admin-token-0123456789abcdef';
const number = '+81312345678';

export interface Target {
  /** Where to POST deliveries. */
  url: string;
  /** Messages this process stored (OneNumber: its webhook counters; baseline: its table). */
  received(): Promise<number>;
  close(): Promise<void>;
}

export type BaselineSpec =
  | { kind: 'sqlite'; dir: string; synchronous: 'NORMAL' | 'FULL' }
  | { kind: 'postgres'; url: string };

export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function nodeArgs(label: string): string[] {
  const dir = process.env.ONENUMBER_BENCH_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`] : [];
}

/** SIGTERM (a clean stop, so a profile is written), SIGKILL if it lingers. */
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });

async function getJson(url: string, token?: string): Promise<Record<string, unknown>> {
  const r = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json() as Promise<Record<string, unknown>>;
}

export async function startBaselineProcess(spec: BaselineSpec): Promise<Target> {
  const args = spec.kind === 'sqlite' ? ['sqlite', spec.dir, spec.synchronous] : ['postgres', spec.url];
  const child = spawn(process.execPath, [...nodeArgs(`baseline-${spec.kind}`), baselineMain, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`baseline exited (${code})`)));
  });
  return { url, received: async () => Number((await getJson(url)).stored), close: () => stop(child) };
}

export interface OneNumberSpec {
  /** A SQLite file or a postgres:// URL. */
  db: string;
  synchronous?: 'NORMAL' | 'FULL';
  /** Register the number and connect the three services (once per database). */
  setup: boolean;
  label?: string;
}

export async function startOneNumberProcess(spec: OneNumberSpec): Promise<Target> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [
    ...nodeArgs(spec.label ?? 'onenumber'),
    cliBin,
    'serve',
    '--db',
    spec.db,
    '--port',
    String(port),
    '--synchronous',
    (spec.synchronous ?? 'NORMAL').toLowerCase(),
  ];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ONENUMBER_ADMIN_TOKEN: adminToken,
      WHATSAPP_APP_SECRET: appSecret,
      WHATSAPP_VERIFY_TOKEN: 'bench-verify',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-1500);
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 600 || child.exitCode !== null) {
      await stop(child);
      throw new Error(`onenumber serve did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const target: Target = {
    url: `${base}/webhooks/whatsapp`,
    async received() {
      const report = (await getJson(`${base}/v1/admin/whatsapp`, adminToken)) as {
        webhook: { messages?: { received: number } };
      };
      return report.webhook.messages?.received ?? 0;
    },
    close: () => stop(child),
  };
  if (spec.setup)
    await setUp(base).catch(async (error: unknown) => {
      await target.close();
      throw error;
    });
  return target;
}

/** One org, the number registered with its phone_number_id, and three services sharing it. */
async function setUp(base: string) {
  const admin = async (method: string, path: string, body: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
  await admin('POST', '/v1/admin/directory', { orgs: [{ id: 'acme', plan: 'zoho-one' }], agents: [], numbers: [] });
  await admin('PUT', '/v1/admin/numbers', { number, verified: true, phoneNumberId });
  const at = new Date().toISOString();
  for (const service of ['crm', 'desk', 'salesiq']) {
    await admin('POST', '/v1/storage/connect', {
      org: 'acme',
      number,
      service,
      mode: 'shared',
      reason: 'bundle',
      at,
    });
  }
}
