// The client's own contract: errors rebuilt from the server's, STORAGE_UNAVAILABLE when it cannot
// be reached, STORAGE_MISMATCH on another interface version, validated options, the directory
// port, and event streams that reconnect and resume with Last-Event-ID, each event once.
import { OneNumberError, type ChannelEvent } from '@onenumber/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpDirectory, createHttpStorage } from '../src';
import { openSqliteDatabase } from '@onenumber/server';
import { admin, serverForTests, tempDbFile } from './support/server';

const at = '2026-01-01T09:00:00.000Z';
const N = '+81312345678';
const customer = '+819012345678';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function caught(promise: Promise<unknown>): Promise<OneNumberError> {
  try {
    await promise;
  } catch (error) {
    if (OneNumberError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function setup() {
  const server = await serverForTests();
  cleanup.push(() => server.close());
  await admin(server.url, 'POST', '/v1/admin/directory', {
    orgs: [
      { id: 'acme', plan: 'zoho-one' },
      { id: 'other', plan: 'zoho-one' },
    ],
    agents: [{ org: 'acme', id: 'a', name: 'Agent A', access: ['crm'] }],
    numbers: [{ number: N, verified: true }],
  });
  const { token } = await admin(server.url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm' });
  return { server, token: token as string };
}

describe('createHttpStorage', () => {
  it("R27: a refusal is the server's OneNumberError, code, message and field", async () => {
    const { server, token } = await setup();
    const storage = createHttpStorage({ url: server.url, token });
    const error = await caught(
      storage.changeMembership({ org: 'acme', number: N, service: 'crm', action: 'disable', at }),
    );
    expect(error.code).toBe('NOT_CONNECTED');
    expect(error.message).toContain('crm');
    const forbidden = await caught(storage.findMembership({ org: 'other', number: N, service: 'crm' }));
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', field: 'org' });
  });

  it('a server that cannot be reached is STORAGE_UNAVAILABLE', async () => {
    const { server, token } = await setup();
    const url = server.url;
    await server.close();
    const storage = createHttpStorage({ url, token });
    expect((await caught(storage.findMembership({ org: 'acme', number: N, service: 'crm' }))).code).toBe(
      'STORAGE_UNAVAILABLE',
    );
    const notOurs = createHttpStorage({
      url: 'http://127.0.0.1:9',
      token,
      fetch: async () => new Response('<html>bad gateway</html>', { status: 502 }),
    });
    expect((await caught(notOurs.findMembership({ org: 'acme', number: N, service: 'crm' }))).code).toBe(
      'STORAGE_UNAVAILABLE',
    );
  });

  it('a server on another storage specification version is STORAGE_MISMATCH', async () => {
    const storage = createHttpStorage({
      url: 'http://127.0.0.1:9',
      token: 't',
      fetch: async () => new Response('null', { status: 200, headers: { 'onenumber-storage-version': '1' } }), // an older server
    });
    expect((await caught(storage.findMembership({ org: 'acme', number: N, service: 'crm' }))).code).toBe(
      'STORAGE_MISMATCH',
    );
  });

  it('options are validated: INVALID_INPUT naming the field', () => {
    expect(() => createHttpStorage({ url: 'not a url', token: 't' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'url' }),
    );
    expect(() => createHttpStorage({ url: 'http://x', token: '' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'token' }),
    );
  });

  it('subscribe reconnects after the server restarts and resumes with Last-Event-ID: each event once, in order', async () => {
    const file = tempDbFile();
    let server = await serverForTests({ file });
    const port = server.port;
    await admin(server.url, 'POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      numbers: [{ number: N, verified: true }],
    });
    const { token } = await admin(server.url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm' });
    const storage = createHttpStorage({ url: server.url, token, reconnect: { minMs: 20, maxMs: 200 } });
    await storage.connect({
      org: 'acme',
      number: N,
      service: 'crm',
      mode: 'shared',
      reason: 'bundle',
      at,
    });
    const inbound = (text: string) =>
      storage.receive({ number: N, customer, providerId: text, type: 'text', text, raw: null, at });
    const got: string[] = [];
    let wake = () => {};
    const stop = storage.subscribe({ org: 'acme', service: 'crm' }, (e: ChannelEvent) => {
      if (e.type === 'messageReceived') got.push(e.message.text ?? '');
      wake();
    });
    const until = async (n: number) => {
      while (got.length < n)
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 200);
        });
    };
    await new Promise((r) => setTimeout(r, 200));
    await inbound('before');
    await until(1);
    await server.close();
    const offline = openSqliteDatabase({ file }); // written while no server runs
    for (const text of ['during-1', 'during-2'])
      await offline.storage.receive({ number: N, customer, providerId: text, type: 'text', text, raw: null, at });
    await offline.close();
    server = await serverForTests({ file, port });
    await until(3);
    await inbound('after');
    await until(4);
    stop();
    await storage.close?.();
    await server.close();
    expect(got).toEqual(['before', 'during-1', 'during-2', 'after']);
  }, 30_000);

  it('a refused stream ends for good and is reported (a revoked token)', async () => {
    const { server } = await setup();
    const issued = await admin(server.url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm' });
    await admin(server.url, 'DELETE', `/v1/admin/tokens/${issued.id}`);
    const reported: unknown[] = [];
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const storage = createHttpStorage({
      url: server.url,
      token: issued.token,
      onStreamError: (e) => {
        reported.push(e);
        resolve();
      },
    });
    const stop = storage.subscribe({ org: 'acme', service: 'crm' }, () => {});
    await done;
    stop();
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('createHttpDirectory', () => {
  it("reads its own org's directory; another org's is FORBIDDEN", async () => {
    const { server, token } = await setup();
    const directory = createHttpDirectory({ url: server.url, token });
    expect(await directory.org('acme')).toEqual({ id: 'acme', plan: 'zoho-one', services: {} });
    expect(await directory.agent('acme', 'a')).toEqual({ org: 'acme', id: 'a', name: 'Agent A', access: ['crm'] });
    expect(await directory.agent('acme', 'nobody')).toBeNull();
    expect(await directory.number(N)).toEqual({ number: N, verified: true });
    expect(await directory.number('+81312345699')).toBeNull();
    expect((await caught(directory.org('other'))).code).toBe('FORBIDDEN');
  });
});
