// R35 across replicas: three server processes on one PostgreSQL (embedded, or
// ONENUMBER_TEST_DATABASE_URL). A revocation or rotation through replica A reaches the others on
// the events' NOTIFY channel: a stream open on replica C ends with its closing comment and replica
// B refuses the token; an expiry ends a stream on its own clock; an old secret works everywhere
// for its grace, then not. Generous bounds (10 s), no timing assertions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { admin, buildServer, killAll, startReplica, stopReplicas, type Replica } from '../postgres/support/replicas';
import { customer, inbound, N, watchStream, within } from './r35-support';

let pg: TestPostgres;
const replicas: Replica[] = [];

beforeAll(async () => {
  const [modulePath, started] = await Promise.all([buildServer(), startPostgres()]);
  pg = started;
  const schema = pg.schema();
  for (const name of ['a', 'b', 'c']) replicas.push(await startReplica(modulePath, pg.url, schema, `r35-${name}`));
  const [a] = replicas as [Replica];
  await admin(a.url, 'POST', '/v1/admin/directory', {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    numbers: [{ number: N, verified: true }],
  });
  const at = new Date().toISOString();
  for (const service of ['crm', 'desk'])
    await admin(a.url, 'POST', '/v1/storage/connect', {
      org: 'acme',
      number: N,
      service,
      mode: 'shared',
      reason: 'bundle',
      at,
    });
}, 240_000);

afterAll(async () => {
  await stopReplicas(replicas).catch(() => {});
  killAll();
  await pg?.stop();
}, 60_000);

const status = async (url: string, token: string) =>
  (
    await fetch(`${url}/v1/directory/org`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'acme' }),
    })
  ).status;

let said = 0;
const say = (url: string) => admin(url, 'POST', '/v1/storage/receive', inbound(N, customer, `wamid.r35.${++said}`));

describe('R35 on PostgreSQL replicas', () => {
  it('R35: a token revoked through replica A ends the stream it opened on replica C, and replica B refuses it', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    const crm = await admin(a.url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm' });
    const onC = await watchStream(c.url, crm.token);
    await say(b.url);
    await onC.waitFor(1);
    expect(await status(b.url, crm.token)).toBe(200);

    expect(await admin(a.url, 'DELETE', `/v1/admin/tokens/${crm.id}`)).toEqual({ revoked: true });
    await within(onC.ended, 10_000, 'the stream on replica C to end');
    expect(onC.closing).toMatch(/^closed: revoked: /);
    expect(await status(b.url, crm.token)).toBe(401);
    expect(await status(c.url, crm.token)).toBe(401);
  }, 60_000);

  it('R35: a token issued with an expiry ends its stream on replica B and is refused on every replica after it', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    const expiresAt = new Date(Date.now() + 2_000).toISOString();
    const crm = await admin(a.url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm', expiresAt });
    const onB = await watchStream(b.url, crm.token);
    expect(await status(c.url, crm.token)).toBe(200);
    await within(onB.ended, 10_000, 'the stream on replica B to end at the expiry');
    expect(onB.closing).toMatch(/^closed: expired: /);
    for (const replica of [a, b, c]) expect(await status(replica.url, crm.token)).toBe(401);
  }, 60_000);

  it('R35: rotated through replica A, the old secret works everywhere for its grace, then its stream on C ends; the new secret goes on', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    const crm = await admin(a.url, 'POST', '/v1/admin/tokens', { org: 'acme', service: 'crm' });
    const oldOnC = await watchStream(c.url, crm.token);
    const rotated = await admin(a.url, 'POST', `/v1/admin/tokens/${crm.id}/rotate`, { graceSeconds: 2 });
    expect(rotated.id).toBe(crm.id);
    expect(await status(b.url, crm.token)).toBe(200);
    expect(await status(b.url, rotated.token)).toBe(200);
    const newOnB = await watchStream(b.url, rotated.token);
    await within(oldOnC.ended, 10_000, 'the old secret’s stream on replica C to end');
    expect(oldOnC.closing).toMatch(/^closed: rotated: /);
    expect(await status(c.url, crm.token)).toBe(401);
    await say(c.url);
    await newOnB.waitFor(1);
    newOnB.close();

    // A rotation with no grace through A ends the stream of the replaced secret on B at once.
    const again = await admin(a.url, 'POST', `/v1/admin/tokens/${crm.id}/rotate`, { graceSeconds: 0 });
    const current = await watchStream(b.url, again.token);
    const replacedOnC = await watchStream(c.url, again.token);
    const third = await admin(a.url, 'POST', `/v1/admin/tokens/${crm.id}/rotate`, { graceSeconds: 0 });
    await within(replacedOnC.ended, 10_000, 'the replaced secret’s stream on replica C to end');
    await within(current.ended, 10_000, 'the replaced secret’s stream on replica B to end');
    expect(current.closing).toMatch(/^closed: rotated: /);
    expect(await status(b.url, third.token)).toBe(200);
  }, 60_000);
});
