// R35 on SQLite, through the real server: a token issued with `expiresAt` is refused past it,
// saying so, and the streams it opened end; a rotation gives a new secret under the same id, the
// old secret accepted for its grace period (configurable per call, 0 allowed), after which it is
// refused and the streams it opened end while those of the new secret go on. Logged once each.
import { afterEach, describe, expect, it } from 'vitest';
import { adminToken, r35Server, sleep, watchStream, within, type R35Server } from './r35-support';

const servers: R35Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const started = async () => {
  const server = await r35Server();
  servers.push(server);
  return server;
};
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('R35: expiry', () => {
  it('R35: a token is valid until its expiresAt, then refused (401, saying it expired) and its stream ends', async () => {
    const server = await started();
    const expiresAt = inMs(1_500);
    const crm = await server.issue('crm', { expiresAt });
    expect(crm.expiresAt).toBe(expiresAt);
    const listed = (await server.call('GET', '/v1/admin/tokens', adminToken)).body;
    expect(listed).toEqual([expect.objectContaining({ id: crm.id, expiresAt })]);
    expect((await server.call('POST', '/v1/directory/org', crm.token, { id: 'acme' })).status).toBe(200);
    const stream = await watchStream(server.url, crm.token);

    await within(stream.ended, 10_000, 'the stream to end at the expiry');
    expect(stream.closing).toMatch(/^closed: expired: /);
    const refused = await server.call('POST', '/v1/directory/org', crm.token, { id: 'acme' });
    expect(refused).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } });
    expect(refused.body.message).toContain(`expired at ${expiresAt}`);
    await server.call('POST', '/v1/directory/org', crm.token, { id: 'acme' });
    const expired = server.security.filter((l) => l.security === 'token.expired');
    expect(expired).toEqual([expect.objectContaining({ tokenId: crm.id, org: 'acme', service: 'crm', expiresAt })]);
    expect(server.security).toContainEqual(expect.objectContaining({ security: 'stream.ended', reason: 'expired' }));
  });

  it('R35: an expiresAt that has passed, or is not a time, is INVALID_INPUT naming it', async () => {
    const server = await started();
    for (const expiresAt of [inMs(-1000), 'tomorrow']) {
      const answer = await server.call('POST', '/v1/admin/tokens', adminToken, {
        org: 'acme',
        service: 'crm',
        expiresAt,
      });
      expect(answer).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'expiresAt' } });
    }
  });
});

describe('R35: rotation', () => {
  it('R35: rotate gives a new secret under the same id; the old one works for its grace, then is refused and its stream ends', async () => {
    const server = await started();
    const crm = await server.issue('crm');
    const oldStream = await watchStream(server.url, crm.token);
    const rotated = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, { graceSeconds: 2 });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id: crm.id, principal: { kind: 'service', org: 'acme', service: 'crm' } });
    expect(rotated.body.token).not.toBe(crm.token);
    const { rotatedAt, previousValidUntil } = rotated.body;
    expect(Date.parse(previousValidUntil) - Date.parse(rotatedAt)).toBe(2_000);
    const listed = (await server.call('GET', '/v1/admin/tokens', adminToken)).body;
    expect(listed).toEqual([
      { id: crm.id, principal: rotated.body.principal, createdAt: expect.any(String), rotatedAt, previousValidUntil },
    ]);
    expect(JSON.stringify(listed)).not.toContain(rotated.body.token);

    // Both secrets work during the grace; a stream of the new one outlives it.
    for (const token of [crm.token, rotated.body.token])
      expect((await server.call('POST', '/v1/directory/org', token, { id: 'acme' })).status).toBe(200);
    const newStream = await watchStream(server.url, rotated.body.token);
    await within(oldStream.ended, 10_000, 'the old secret’s stream to end after the grace');
    expect(oldStream.closing).toMatch(/^closed: rotated: /);
    const old = await server.call('POST', '/v1/directory/org', crm.token, { id: 'acme' });
    expect(old).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } });
    expect(old.body.message).toMatch(/replaced \(rotated\)/);
    await server.say('wamid.after-grace');
    await newStream.waitFor(1);
    newStream.close();
    expect(server.security).toContainEqual(
      expect.objectContaining({ security: 'token.rotated', tokenId: crm.id, graceSeconds: 2, previousValidUntil }),
    );
    expect(JSON.stringify(server.security)).not.toContain(rotated.body.token);
  });

  it('R35: a grace of 0 refuses the old secret at once and ends its streams; a second rotation drops the first old secret', async () => {
    const server = await started();
    const crm = await server.issue('crm');
    const stream = await watchStream(server.url, crm.token);
    const first = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, { graceSeconds: 0 });
    expect(first.body.previousValidUntil).toBeUndefined();
    await within(stream.ended, 10_000, 'the stream to end');
    expect(stream.closing).toMatch(/^closed: rotated: /);
    expect((await server.call('POST', '/v1/directory/org', crm.token, { id: 'acme' })).status).toBe(401);

    const second = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, {});
    expect(Date.parse(second.body.previousValidUntil) - Date.parse(second.body.rotatedAt)).toBe(3_600_000); // default: 1 hour
    const third = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, { graceSeconds: 60 });
    expect((await server.call('POST', '/v1/directory/org', second.body.token, { id: 'acme' })).status).toBe(200);
    expect((await server.call('POST', '/v1/directory/org', first.body.token, { id: 'acme' })).status).toBe(401);
    expect((await server.call('POST', '/v1/directory/org', third.body.token, { id: 'acme' })).status).toBe(200);
  });

  it('R35: a rotation can set or clear the expiry; an unknown token is 404, a misspelt key 400', async () => {
    const server = await started();
    const crm = await server.issue('crm', { expiresAt: inMs(60_000) });
    const later = inMs(120_000);
    const set = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, { expiresAt: later });
    expect(set.body.expiresAt).toBe(later);
    const cleared = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, { expiresAt: null });
    expect(cleared.body.expiresAt).toBeUndefined();
    const unknown = await server.call('POST', '/v1/admin/tokens/tok_none/rotate', adminToken, {});
    expect(unknown).toMatchObject({ status: 404, body: { error: 'NOT_FOUND', field: 'id' } });
    const typo = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, adminToken, { graceSecond: 5 });
    expect(typo).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', field: 'graceSecond' } });
    const crmToken = await server.issue('desk');
    const forbidden = await server.call('POST', `/v1/admin/tokens/${crm.id}/rotate`, crmToken.token, {});
    expect(forbidden.status).toBe(403);
    await sleep(10);
  });
});
