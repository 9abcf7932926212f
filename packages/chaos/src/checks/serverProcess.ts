// A real `onenumber serve` process on a fixed port and database file, which the crash and load
// checks SIGKILL and restart. With `heap`, the process is started with --expose-gc and the heap
// probe preloaded, and `heap()` asks it for its heap after a full GC.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliBin = join(dirname(createRequire(import.meta.url).resolve('@onenumber/cli/package.json')), 'dist/bin.js');
// The probe runs from the build (dist), whether this module runs from dist or from src (tests).
const packageRoot = dirname(fileURLToPath(import.meta.url)).replace(/[/\\](src[/\\]checks|dist)$/, '');
const heapProbe = resolve(packageRoot, 'dist/checks/heapProbe.js');

export interface ServeOptions {
  file: string;
  port: number;
  adminToken: string;
  env: Record<string, string>;
  heap?: boolean;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves when the process has exited (killed or not). */
  exited: Promise<void>;
  readonly dead: boolean;
  /** Requests to /webhooks/whatsapp the server logged (one line each, once answered). */
  readonly webhookRequests: number;
  /** The server's heap and RSS in bytes, after a full GC (only with `heap`). */
  heap(): Promise<{ heapUsed: number; rss: number }>;
}

export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Starts `onenumber serve` and resolves once /health answers. */
export async function serve(options: ServeOptions): Promise<ServerProcess> {
  const node = options.heap ? ['--expose-gc', '--import', heapProbe] : [];
  const child = spawn(
    process.execPath,
    [...node, cliBin, 'serve', '--db', options.file, '--port', String(options.port)],
    {
      env: { ...process.env, ONENUMBER_ADMIN_TOKEN: options.adminToken, ...options.env },
      stdio: ['ignore', 'ignore', 'pipe', ...(options.heap ? ['ipc' as const] : [])],
    },
  );
  let stderr = '';
  let dead = false;
  // CHAOS_SERVER_LOG=<file>: every server's stderr (JSON lines, never text or tokens) appended there.
  const log = process.env.CHAOS_SERVER_LOG;
  let partial = '';
  let webhookRequests = 0;
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
    if (log) appendFileSync(log, chunk);
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.includes('"path":"/webhooks/whatsapp"')) webhookRequests++;
  });
  const exited = new Promise<void>((r) =>
    child.once('exit', () => {
      dead = true;
      r();
    }),
  );
  const process_: ServerProcess = {
    child,
    exited,
    get dead() {
      return dead;
    },
    get webhookRequests() {
      return webhookRequests;
    },
    heap: () =>
      new Promise((answer, fail) => {
        if (!child.connected) return fail(new Error('the server process has no heap probe (start it with heap: true)'));
        child.once('message', (m) => answer(m as { heapUsed: number; rss: number }));
        child.send({ type: 'heap' });
      }),
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (dead) throw new Error(`onenumber serve exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${options.port}/health`)).ok) return process_;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`onenumber serve did not answer within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGKILLs the process (no clean shutdown) and waits until it is gone. */
export async function kill(server: ServerProcess): Promise<void> {
  if (!server.dead) server.child.kill('SIGKILL');
  await server.exited;
}
