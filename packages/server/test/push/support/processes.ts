// R34: push servers in their own processes (pushReplica.mjs) on one database: PostgreSQL replicas
// on one schema, or one process on a SQLite file; the server built once (as the replica tests do).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { PushOptions } from '../../../src/push/pushOptions';

export { buildServer } from '../../postgres/support/replicas';

const script = join(dirname(fileURLToPath(import.meta.url)), 'pushReplica.mjs');
export const adminToken = 'push-replica-admin-token-0123456789';

export interface PushProcess {
  name: string;
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

export async function startPushProcess(
  modulePath: string,
  target: string,
  schema: string,
  name: string,
  push: PushOptions,
): Promise<PushProcess> {
  const env: Record<string, string | undefined> = { ...process.env, ONENUMBER_ADMIN_TOKEN: adminToken };
  for (const key of Object.keys(env)) if (key.startsWith('WHATSAPP_')) delete env[key];
  env.PUSH_OPTIONS = JSON.stringify(push);
  const child = spawn(process.execPath, [script, modulePath, target, schema, name], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      running.delete(child);
      done(code);
    }),
  );
  const url = await new Promise<string>((ready, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening (\S+)$/.exec(line);
      if (match) ready(match[1]!);
    });
    void exited.then((code) => fail(new Error(`${name} exited (${code}) before listening`)));
  });
  return { name, child, url, exited };
}

export async function kill(p: PushProcess): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}

export async function stopAll(processes: readonly PushProcess[]): Promise<void> {
  for (const p of processes) if (running.has(p.child)) p.child.kill('SIGTERM');
  await Promise.all(processes.map((p) => p.exited));
}

export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
