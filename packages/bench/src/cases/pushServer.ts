// push-fanout's server: `onenumber serve` on a SQLite file in its own process, with loopback http
// allowed for push (ONENUMBER_PUSH_ALLOW_LOOPBACK_HTTP=1, the receiver being local), and a small
// admin client for the case.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from '../ingest/targets';

const cliBin = join(dirname(createRequire(import.meta.url).resolve('@onenumber/cli/package.json')), 'dist/bin.js');
export const pushAdminToken = 'bench-push-admin-token-0123456789';

export interface PushServer {
  url: string;
  call(method: string, path: string, body?: unknown, token?: string): Promise<Record<string, any>>;
  close(): Promise<void>;
}

// At most 64 keep-alive connections, like the ingest cases' load: the open loop at 500/s queues
// here when the server is slow instead of opening a socket per request (fetch does), which ran
// into the server's connection cap and was answered with resets.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function send(url: string, method: string, path: string, body: string | undefined, token: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      `${url}${path}`,
      { method, agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function startPushServer(db: string): Promise<PushServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [cliBin, 'serve', '--db', db, '--port', String(port)], {
    env: { ...process.env, ONENUMBER_ADMIN_TOKEN: pushAdminToken, ONENUMBER_PUSH_ALLOW_LOOPBACK_HTTP: '1' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 600 || child.exitCode !== null) throw new Error('onenumber serve did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async call(method, path, body, token = pushAdminToken) {
      const res = await send(url, method, path, body === undefined ? undefined : JSON.stringify(body), token);
      if (res.status < 200 || res.status > 299) throw new Error(`${path}: ${res.status} ${res.text}`);
      return JSON.parse(res.text) as Record<string, any>;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
