// Starts a real OneNumber server on a free 127.0.0.1 port for a test, with the suite's directory.
import { startServer, type RequestLog, type RunningServer, type WhatsAppOptions } from '../../../src';
import type { ServerDatabase } from '../../../src/db/ServerDatabase';
import { sqliteDatabase } from './tempFiles';

export const adminToken = 'test-admin-token-0123456789abcdef';

export interface TestServer extends RunningServer {
  logs: RequestLog[];
  /** Calls the server with a token (or none) and returns status and parsed body. */
  call(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }>;
  issue(org: string, service: string): Promise<string>;
}

export async function testServer(
  options: { db?: ServerDatabase; heartbeatMs?: number; whatsapp?: WhatsAppOptions | false } = {},
): Promise<TestServer> {
  const logs: RequestLog[] = [];
  const server = await startServer({
    port: 0,
    db: options.db ?? sqliteDatabase(),
    adminToken,
    logger: (l) => logs.push(l),
    heartbeatMs: options.heartbeatMs ?? 15_000,
    graceMs: 2_000,
    whatsapp: options.whatsapp ?? false, // the environment of the test run never decides
  });
  async function call(method: string, path: string, token: string | null, body?: unknown) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }
  return {
    ...server,
    logs,
    call,
    async issue(org, service) {
      const { status, body } = await call('POST', '/v1/admin/tokens', adminToken, { org, service });
      if (status !== 201) throw new Error(`issue failed: ${status} ${JSON.stringify(body)}`);
      return (body as { token: string }).token;
    },
  };
}
