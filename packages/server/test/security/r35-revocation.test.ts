// R35 on SQLite, through the real server: a revoked token is refused and the event streams it
// opened end with a closing comment saying why, in this server and in another server process on
// the same database file (which learns it by polling); an in-flight request whose body arrives
// after the revocation is refused; every revocation and ended stream is a log line without a
// secret. Generous bounds, no timing assertions (the one second is measured by the chaos check).
import { connect as tcp } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src';
import { tempDbFile } from '../http/support/tempFiles';
import { adminToken, r35Server, watchStream, within, type R35Server } from './r35-support';

const servers: R35Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const started = async (options: Parameters<typeof r35Server>[0] = {}) => {
  const server = await r35Server(options);
  servers.push(server);
  return server;
};

describe('R35: revoking a token ends what it opened', () => {
  it('R35: after DELETE /v1/admin/tokens/{id} the stream it opened ends with a closing comment, and it is refused (401)', async () => {
    const server = await started();
    const crm = await server.issue('crm');
    const stream = await watchStream(server.url, crm.token);
    await server.say('wamid.before');
    await stream.waitFor(1);

    const answer = await server.call('DELETE', `/v1/admin/tokens/${crm.id}`, adminToken);
    expect(answer.body).toEqual({ revoked: true });
    await within(stream.ended, 10_000, 'the stream to end');
    expect(stream.closing).toMatch(/^closed: revoked: /);
    expect(stream.frames.map((f) => f.data.type)).toEqual(['messageReceived']); // the closing is no event

    const refused = await server.call('POST', '/v1/directory/org', crm.token, { id: 'acme' });
    expect(refused).toMatchObject({ status: 401, body: { error: 'UNAUTHORIZED' } });
    expect((await watchStream(server.url, crm.token)).status).toBe(401);

    expect(server.security.map((l) => l.security).sort()).toEqual(['stream.ended', 'token.issued', 'token.revoked']);
    expect(server.security.find((l) => l.security === 'token.revoked')).toMatchObject({ tokenId: crm.id, org: 'acme' });
    expect(server.security.find((l) => l.security === 'stream.ended')).toMatchObject({
      tokenId: crm.id,
      org: 'acme',
      service: 'crm',
      reason: 'revoked',
    });
    expect(JSON.stringify(server.security)).not.toContain(crm.token);
    const report = await server.call('GET', '/v1/admin/report', adminToken);
    expect(report.body.streams).toEqual({ open: 0, ended: { revoked: 1, expired: 0, rotated: 0 } });
  });

  it("R35: other tokens' streams and the admin token's stream go on", async () => {
    const server = await started();
    const crm = await server.issue('crm');
    const desk = await server.issue('desk');
    const crmStream = await watchStream(server.url, crm.token);
    const deskStream = await watchStream(server.url, desk.token);
    const adminStream = await watchStream(`${server.url}`, adminToken).catch(() => null);
    expect(adminStream?.status).toBe(400); // the admin names org and service
    const adminOnCrm = await fetch(`${server.url}/v1/events?org=acme&service=crm`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    await server.call('DELETE', `/v1/admin/tokens/${crm.id}`, adminToken);
    await within(crmStream.ended, 10_000, 'the revoked stream to end');
    await server.say('wamid.after');
    await deskStream.waitFor(1);
    const reader = adminOnCrm.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('wamid.after')) text += (await reader.read()).value ?? '';
    await reader.cancel();
    deskStream.close();
  });

  it('R35: another server process on the same SQLite file ends its stream too (it polls the token changes)', async () => {
    const file = tempDbFile();
    const a = await started({ db: openSqliteDatabase({ file }) });
    const b = await started({ db: openSqliteDatabase({ file }), setup: false });
    const crm = await a.issue('crm');
    const onB = await watchStream(b.url, crm.token);
    await a.say('wamid.one');
    await onB.waitFor(1);

    expect((await a.call('DELETE', `/v1/admin/tokens/${crm.id}`, adminToken)).body).toEqual({ revoked: true });
    await within(onB.ended, 10_000, 'the stream on the other server to end');
    expect(onB.closing).toMatch(/^closed: revoked: /);
    expect((await b.call('POST', '/v1/directory/org', crm.token, { id: 'acme' })).status).toBe(401);
    expect(b.security).toEqual([expect.objectContaining({ security: 'stream.ended', reason: 'revoked' })]);
  });

  it('R35: a request whose body is still arriving when its token is revoked is refused once the body is in', async () => {
    const server = await started();
    const crm = await server.issue('crm');
    const { port } = new URL(server.url);
    const body = JSON.stringify({ id: 'acme' });
    const socket = tcp(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(
      `POST /v1/directory/org HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${crm.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 3)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // authenticated, body pending
    await server.call('DELETE', `/v1/admin/tokens/${crm.id}`, adminToken);
    socket.write(body.slice(3));
    await within(closed, 10_000, 'the answer');
    expect(answer).toMatch(/^HTTP\/1.1 401/);
    expect(answer).toContain('UNAUTHORIZED');
  });

  it('R35: revoking an unknown token answers revoked: false and logs nothing', async () => {
    const server = await started();
    expect((await server.call('DELETE', '/v1/admin/tokens/tok_nothing', adminToken)).body).toEqual({ revoked: false });
    expect(server.security).toEqual([]);
  });
});
