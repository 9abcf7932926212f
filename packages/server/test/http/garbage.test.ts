// R27: nothing a client sends crashes the server or corrupts the database. Seeded garbage bodies
// to every POST route, as the admin (the widest scope): always a 4xx error body, never a 500;
// afterwards the server still answers and the stored data is intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, testServer, type TestServer } from './support/server';

let server: TestServer;
const N = '+81312345678';
const at = '2026-01-01T09:00:00.000Z';

function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(27);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
const keys = [
  'org',
  'number',
  'service',
  'channel',
  'conversation',
  'customer',
  'text',
  'agent',
  'mode',
  'after',
  'limit',
  'settings',
  'entry',
  '__proto__',
  'constructor',
  'at',
  'id',
];

function garbage(depth = 0): unknown {
  const kind = Math.floor(random() * (depth > 2 ? 6 : 8));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, 42]);
    case 2:
      return pick([
        '',
        'acme',
        'crm',
        N,
        '+1',
        'x'.repeat(300),
        '\u0000',
        "'; DROP TABLE messages; --",
        '../../etc/passwd',
        '🙂',
        at,
      ]);
    case 3:
      return pick([true, false]);
    case 4:
      return pick(['shared', 'isolated', 'bundle', 'disable', 'read']);
    case 5:
      return [];
    case 6:
      return Array.from({ length: 1 + Math.floor(random() * 3) }, () => garbage(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => [pick(keys), garbage(depth + 1)]),
      );
  }
}

beforeAll(async () => {
  server = await testServer();
  await server.call('POST', '/v1/admin/directory', adminToken, {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    numbers: [{ number: N, verified: true }],
  });
  await server.call('POST', '/v1/storage/connect', adminToken, {
    org: 'acme',
    number: N,
    service: 'crm',
    mode: 'shared',
    reason: 'bundle',
    at,
  });
  await server.call('POST', '/v1/storage/receive', adminToken, {
    number: N,
    customer: '+819012345678',
    providerId: 'wamid.kept',
    type: 'text',
    text: 'kept',
    raw: null,
    at,
  });
});
afterAll(async () => server?.close());

describe('garbage in', () => {
  it('1,500 seeded garbage bodies across every POST route: only 4xx error bodies, never a crash', async () => {
    const routes = server.handler.app.routes
      .filter((r) => r.method === 'POST' || r.method === 'PUT')
      .map((r) => [r.method, r.path] as const);
    const serverErrors: unknown[] = [];
    for (let i = 0; i < 1500; i++) {
      const [method, path] = pick(routes);
      const raw = random() < 0.1 ? pick(['{', '[1,', 'null', '"x"', '{"org":', '\u0000']) : JSON.stringify(garbage());
      const { status, body } = await server.call(method, path, adminToken, raw);
      if (status >= 500 || (status >= 400 && typeof body?.error !== 'string'))
        serverErrors.push({ path, raw, status, body });
    }
    expect(serverErrors).toEqual([]);
  }, 120_000);

  it('afterwards the server answers and what was stored is intact', async () => {
    expect((await server.call('GET', '/health', null)).status).toBe(200);
    const { body: info } = await server.call('POST', '/v1/storage/channelInfo', adminToken, { org: 'acme', number: N });
    expect(info.members).toEqual([{ service: 'crm', role: 'parent' }]);
    const { body: conv } = await server.call('POST', '/v1/storage/conversation', adminToken, {
      org: 'acme',
      channel: info.channel,
      customer: '+819012345678',
    });
    const { body: view } = await server.call('POST', '/v1/storage/view', adminToken, {
      org: 'acme',
      channel: info.channel,
      conversation: conv.id,
      service: 'crm',
    });
    expect(view.map((m: { text: string }) => m.text)).toEqual(['kept']);
  });
});
