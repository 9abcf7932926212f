// `onenumber scenario --storage http` (docs/scenarios.md): a real OneNumber server on a free loopback
// port with a fresh temporary SQLite file. The directory is loaded through the admin routes; each
// (org, service) a step acts as gets its own service token and its own SDK instance over HTTP, as
// separate service processes would; inbound messages and delivery reports go through the admin
// token, as the WhatsApp webhook would. Stopping removes the server and its files.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createOneNumber,
  OneNumberError,
  type DirectoryContents,
  type OneNumber,
  type OneNumberErrorJSON,
} from '@onenumber/core';
import { startServer, type RunningServer, type ServerDatabase } from '@onenumber/server';
import { createHttpDirectory, openHttpStorage } from '@onenumber/storage-http';
import type { ScenarioApi, ScenarioBackend } from './backend';
import type { PolicyOverride } from './directoryOf';

async function adminCall(url: string, token: string, path: string, body: unknown, method = 'POST'): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw OneNumberError.fromJSON(json as OneNumberErrorJSON);
  return json;
}

/** `openDatabase`: the server's database (`--storage postgres`); default: a temporary SQLite file. */
export function httpBackend(openDatabase?: () => Promise<ServerDatabase>): ScenarioBackend {
  let server: RunningServer | null = null;
  let dir: string | null = null;
  const clients: OneNumber[] = [];

  async function sdk(url: string, token: string): Promise<OneNumber> {
    const api = createOneNumber({
      storage: await openHttpStorage({ url, token }),
      directory: createHttpDirectory({ url, token }),
    });
    clients.push(api);
    return api;
  }

  return {
    name: 'http',
    async start(contents: DirectoryContents, policies: readonly PolicyOverride[]): Promise<ScenarioApi> {
      dir = mkdtempSync(join(tmpdir(), 'onenumber-scenario-'));
      const adminToken = randomBytes(24).toString('base64url');
      const database = openDatabase ? { db: await openDatabase() } : { file: join(dir, 'scenario.sqlite') };
      const running = await startServer({
        port: 0,
        host: '127.0.0.1',
        ...database,
        adminToken,
        logger: () => {},
        securityLogger: () => {},
      });
      server = running;
      await adminCall(running.url, adminToken, '/v1/admin/directory', contents);
      for (const { org, service, policy } of policies) {
        const path = `/v1/admin/orgs/${encodeURIComponent(org)}/policies/${service}`;
        await adminCall(running.url, adminToken, path, policy, 'PUT'); // R33: the admin's override
      }
      const admin = await sdk(running.url, adminToken);
      const services = new Map<string, Promise<OneNumber>>();

      /** The SDK acting as (org, service) with its own token; the admin's where no token can be issued for it. */
      function as(input: { org: string; service?: string | undefined }): Promise<OneNumber> {
        if (input.service === undefined) return Promise.resolve(admin);
        const key = `${input.org}\u0000${input.service}`;
        let api = services.get(key);
        if (!api) {
          // An id the token route refuses (not a valid service or org) is the core's to refuse, as on memory.
          api = adminCall(running.url, adminToken, '/v1/admin/tokens', { org: input.org, service: input.service }).then(
            (issued: { token: string }) => sdk(running.url, issued.token),
            () => admin,
          );
          services.set(key, api);
        }
        return api;
      }

      return {
        connect: async (input) => (await as(input)).connect(input),
        disable: async (input) => (await as(input)).disable(input),
        enable: async (input) => (await as(input)).enable(input),
        remove: async (input) => (await as(input)).remove(input),
        members: async (input) => (await as(input)).members(input),
        configure: async (input) => (await as(input)).configure(input),
        receive: (input) => admin.receive(input),
        reply: async (input) => (await as(input)).reply(input),
        assign: async (input) => (await as(input)).assign(input),
        view: async (input) => (await as(input)).view(input),
        markRead: async (input) => (await as(input)).markRead(input),
        updateStatus: (input) => admin.updateStatus(input),
        canReply: async (input) => (await as(input)).canReply(input),
        previewLeave: async (input) => (await as(input)).previewLeave(input),
        timeline: async (input) => (await as(input)).timeline(input),
        events: async (input) => (await as(input)).events(input),
      };
    },
    async stop() {
      for (const api of clients.splice(0)) await api.close();
      await server?.close();
      server = null;
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
