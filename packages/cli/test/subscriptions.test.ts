// R34: `onenumber subscriptions create URL | list` against a real server: a service token creates
// its own subscription (the secret printed once), the admin names --org and --service, list shows
// a table for people or the server's JSON; a refusal is exit 1 with the server's code, a usage
// mistake or no server exit 2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, startServer, type RunningServer } from '@onenumber/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';

const adminToken = 'cli-push-admin-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'onenumber-cli-push-'));
let server: RunningServer;
let deskToken: string;

beforeAll(async () => {
  server = await startServer({
    db: openSqliteDatabase({ file: join(dir, 'db.sqlite') }),
    adminToken,
    port: 0,
    logger: () => {},
    securityLogger: () => {},
    whatsapp: false,
    push: { allowLoopbackHttp: true, logger: () => {} },
  });
  const issued = await fetch(`${server.url}/v1/admin/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ org: 'acme', service: 'desk' }),
  });
  deskToken = ((await issued.json()) as { token: string }).token;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

describe('onenumber subscriptions', () => {
  it('R34: create with a service token prints the subscription and its secret once; list shows a table', async () => {
    const created = await cli(
      'subscriptions',
      'create',
      'http://127.0.0.1:9/desk',
      '--server',
      server.url,
      '--token',
      deskToken,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created push subscription sub_\w+ for acme\/desk\.$/m);
    expect(created.stdout).toMatch(/^ {2}secret {2}whsec_\S+$/m);
    const listed = await cli('subscriptions', 'list', '--server', server.url, '--token', deskToken);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^id\s+org\s+service\s+state\s+types\s+url$/m);
    expect(listed.stdout).toMatch(/^sub_\w+\s+acme\s+desk\s+active\s+all\s+http:\/\/127\.0\.0\.1:9\/desk$/m);
    expect(listed.stdout).not.toContain('whsec_');
  });

  it('R34: the admin names --org and --service and --types; --json prints the server’s answer', async () => {
    const env = { ...process.env, ONENUMBER_URL: server.url, ONENUMBER_ADMIN_TOKEN: adminToken };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const created = await cli(
        'subscriptions',
        'create',
        'http://127.0.0.1:9/crm',
        '--org',
        'acme',
        '--service',
        'crm',
        '--types',
        'messageReceived,statusChanged',
        '--json',
      );
      expect(created.code).toBe(0);
      const body = JSON.parse(created.stdout);
      expect(body).toMatchObject({ org: 'acme', service: 'crm', types: ['messageReceived', 'statusChanged'] });
      expect(body.secret).toMatch(/^whsec_/);
      const listed = await cli('subscriptions', 'list', '--service', 'crm', '--json');
      expect(JSON.parse(listed.stdout).map((s: { id: string }) => s.id)).toEqual([body.id]);
    } finally {
      process.env = saved;
    }
  });

  it('R34: a refusal is exit 1 with its code; a usage mistake or no server is exit 2', async () => {
    const refused = await cli(
      'subscriptions',
      'create',
      'https://10.0.0.1/x',
      '--server',
      server.url,
      '--token',
      deskToken,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('INVALID_INPUT');
    expect((await cli('subscriptions', 'remove', '--token', deskToken)).code).toBe(2);
    expect((await cli('subscriptions', 'create', '--server', server.url, '--token', deskToken)).code).toBe(2);
    const nobody = await cli('subscriptions', 'list', '--server', 'http://127.0.0.1:9', '--token', deskToken);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no server answered');
    const help = await cli('subscriptions', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('onenumber subscriptions create URL | list');
  });
});
