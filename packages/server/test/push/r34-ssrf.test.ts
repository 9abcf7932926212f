// R34 (no SSRF): an endpoint is refused before any connection is made: only https (loopback http
// only when the server allows it), never a private or special address, judged on IP literals as
// the URL parser reads them and on every address a name resolves to (a stubbed resolver: no DNS,
// and no traffic ever goes to a private address). A name that resolves to a private address
// later is refused at the attempt, before connecting, and counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushOptionsFromEnv } from '../../src/push/pushOptions';
import { startReceiver, type Receiver } from './support/receiver';
import { adminToken, pushWorld, type PushWorld } from './support/world';

const answers: Record<string, string[]> = {
  'hooks.example.test': ['93.184.216.34'],
  'internal.example.test': ['10.1.2.3'],
  'mixed.example.test': ['93.184.216.34', '192.168.1.20'],
  'metadata.example.test': ['169.254.169.254'],
  'v6.example.test': ['fd12::1'],
  'mapped.example.test': ['::ffff:127.0.0.1'],
  'rebind.example.test': ['93.184.216.35'],
};
const resolved: string[] = [];
const resolve = async (host: string) => {
  resolved.push(host);
  const found = answers[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found;
};

let strict: PushWorld;
let loopback: PushWorld;
let receiver: Receiver;

beforeAll(async () => {
  strict = await pushWorld({ push: { allowLoopbackHttp: false, resolve } });
  loopback = await pushWorld({ push: { allowLoopbackHttp: true, resolve } });
  receiver = await startReceiver();
});
afterAll(async () => {
  await strict.close();
  await loopback.close();
  await receiver.close();
});

const create = (world: PushWorld, url: string) =>
  world.call('POST', '/v1/push/subscriptions', adminToken, { org: 'acme', service: 'desk', url });

describe('R34: endpoints are checked before any connection', () => {
  it('R34: refuses what is not https, private or special addresses, and names resolving to them', async () => {
    const refused = [
      'http://hooks.example.test/h',
      'ftp://hooks.example.test/h',
      'https://user:pw@hooks.example.test/h',
      'https://10.0.0.1/h',
      'https://172.16.5.4/h',
      'https://192.168.0.1/h',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.1.1/h',
      'https://0.0.0.0/h',
      'https://127.0.0.1/h',
      'https://0x7f000001/h',
      'https://2130706433/h',
      'https://[::1]/h',
      'https://[::ffff:10.0.0.1]/h',
      'https://[fd00::1]/h',
      'https://[fe80::1]/h',
      'https://localhost/h',
      'https://internal.example.test/h',
      'https://mixed.example.test/h',
      'https://metadata.example.test/h',
      'https://v6.example.test/h',
      'https://mapped.example.test/h',
      'https://unknown.example.test/h',
      'not a url',
      `https://hooks.example.test/${'x'.repeat(2100)}`,
    ];
    for (const url of refused) {
      const answer = await create(strict, url);
      expect([url.slice(0, 60), answer.status, answer.body.field]).toEqual([url.slice(0, 60), 400, 'url']);
    }
    // Accepted, then deleted at once: no event ever goes to a real address from a test.
    for (const url of ['https://hooks.example.test/h', 'https://93.184.216.34/h']) {
      const accepted = await create(strict, url);
      expect(accepted.status).toBe(201);
      await strict.call('DELETE', `/v1/push/subscriptions/${accepted.body.id}`, adminToken);
    }
    expect(resolved).toContain('internal.example.test');
    // Without the option, loopback http is refused too.
    expect((await create(strict, receiver.url)).status).toBe(400);
  });

  it('R34: loopback http only when the server allows it, and then only to this machine', async () => {
    expect((await create(loopback, receiver.url)).status).toBe(201);
    expect((await create(loopback, 'http://localhost:9/h')).status).toBe(201);
    expect((await create(loopback, 'http://[::1]:9/h')).status).toBe(201);
    expect((await create(loopback, 'http://hooks.example.test/h')).status).toBe(400);
    expect((await create(loopback, 'http://10.0.0.1/h')).status).toBe(400);
    expect((await create(loopback, 'https://10.0.0.1/h')).status).toBe(400);
  });

  it('R34: a name that resolves to a private address at the attempt is refused before connecting, and counted', async () => {
    const created = await create(strict, 'https://rebind.example.test/h');
    expect(created.status).toBe(201);
    answers['rebind.example.test'] = ['10.9.9.9'];
    await strict.inbound('+819000000051', 'rebinding');
    const log = async () =>
      (await strict.call('GET', `/v1/push/subscriptions/${created.body.id}/deliveries`, adminToken)).body as any[];
    const deadline = Date.now() + 20_000;
    while (!(await log()).some((d) => d.lastError?.startsWith('refused before connecting'))) {
      if (Date.now() > deadline) throw new Error('no refused attempt');
      await new Promise((r) => setTimeout(r, 50));
    }
    const report = await strict.call('GET', '/v1/admin/push', adminToken);
    expect(report.body.worker.counters.refused).toBeGreaterThan(0);
    await strict.call('DELETE', `/v1/push/subscriptions/${created.body.id}`, adminToken);
  });

  it('R34: only an explicit option (or its variable, set to 1 or true) allows loopback http or private networks', () => {
    expect(pushOptionsFromEnv({})).toEqual({});
    expect(pushOptionsFromEnv({ ONENUMBER_PUSH_ALLOW_LOOPBACK_HTTP: '1' })).toEqual({ allowLoopbackHttp: true });
    expect(pushOptionsFromEnv({ ONENUMBER_PUSH_ALLOW_PRIVATE_NETWORKS: 'true' })).toEqual({
      allowPrivateNetworks: true,
    });
    expect(pushOptionsFromEnv({ ONENUMBER_PUSH_ALLOW_LOOPBACK_HTTP: 'no' })).toEqual({});
  });
});
