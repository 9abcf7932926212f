// A real OneNumber server on a free 127.0.0.1 port with a fresh SQLite file, for the client's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RequestLogger, type RunningServer } from '@onenumber/server';

export const adminToken = 'test-admin-token-0123456789abcdef';

let dir: string | undefined;
let n = 0;
/** A fresh database file path in this test process's temp directory (removed at exit). */
export function tempDbFile(): string {
  if (!dir) {
    const made = mkdtempSync(join(tmpdir(), 'onenumber-storage-http-'));
    dir = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return join(dir, `db-${++n}.sqlite`);
}

export async function serverForTests(
  options: { file?: string; port?: number; logger?: RequestLogger } = {},
): Promise<RunningServer> {
  return startServer({
    port: options.port ?? 0,
    file: options.file ?? tempDbFile(),
    adminToken,
    logger: options.logger ?? (() => {}),
    graceMs: 2_000,
  });
}

/** Admin calls for test setup. */
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
