// R34, R35: push subscriptions over HTTP: a service manages its own, the admin any; the secret is
// shown once; pause and resume (nothing queued meanwhile is lost); delete; and R35: revoking or
// expiring the token that created a subscription pauses it, resuming binds it to the resuming
// token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './support/receiver';
import { adminToken, pushWorld, type PushWorld } from './support/world';

let world: PushWorld;
let receiver: Receiver;

beforeEach(async () => {
  world = await pushWorld();
  receiver = await startReceiver();
});
afterEach(async () => {
  await world.close();
  await receiver.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('R34 subscriptions', () => {
  it('R34, R25: a service manages its own subscriptions only; the admin names the (org, service); secrets never listed', async () => {
    const desk = await world.subscribe(world.tokens.desk, receiver.url);
    const crm = await world.subscribe(adminToken, receiver.url, {
      org: 'acme',
      service: 'crm',
      types: ['statusChanged'],
    });
    expect(crm).toMatchObject({ service: 'crm', tokenId: null, types: ['statusChanged'] });
    expect(desk.tokenId).toMatch(/^tok_/);
    const listed = await world.call('GET', '/v1/push/subscriptions', world.tokens.desk);
    expect(listed.body.map((s: any) => s.id)).toEqual([desk.id]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    const all = await world.call('GET', '/v1/push/subscriptions', adminToken);
    expect(all.body.map((s: any) => s.id).sort()).toEqual([crm.id, desk.id].sort());
    expect((await world.call('GET', '/v1/push/subscriptions?service=crm', adminToken)).body).toHaveLength(1);
    expect((await world.call('GET', `/v1/push/subscriptions/${crm.id}`, world.tokens.desk)).status).toBe(404);
    expect((await world.call('DELETE', `/v1/push/subscriptions/${crm.id}`, world.tokens.desk)).status).toBe(404);
    expect((await world.call('GET', '/v1/push/subscriptions?service=crm', world.tokens.desk)).status).toBe(403);
    expect(
      (await world.call('POST', '/v1/push/subscriptions', world.tokens.desk, { service: 'crm', url: receiver.url }))
        .status,
    ).toBe(403);
    expect((await world.call('POST', '/v1/push/subscriptions', adminToken, { url: receiver.url })).body).toMatchObject({
      error: 'INVALID_INPUT',
      field: 'org',
    });
    expect(
      (await world.call('POST', '/v1/push/subscriptions', world.tokens.desk, { url: receiver.url, types: ['nope'] }))
        .status,
    ).toBe(400);
    const got = await world.call('GET', `/v1/push/subscriptions/${desk.id}`, world.tokens.desk);
    expect(got.body).toEqual(listed.body[0]);
    expect(await world.call('DELETE', `/v1/push/subscriptions/${desk.id}`, world.tokens.desk)).toMatchObject({
      status: 200,
      body: { deleted: true },
    });
    expect((await world.call('GET', `/v1/push/subscriptions/${desk.id}`, world.tokens.desk)).status).toBe(404);
    expect(world.logs.map((l) => l.push)).toEqual([
      'subscription.created',
      'subscription.created',
      'subscription.deleted',
    ]);
  });

  it('R34: rotating the secret: both secrets sign during the grace, then only the new one', async () => {
    const sub = await world.subscribe(world.tokens.desk, receiver.url, { types: ['messageReceived'] });
    const old = sub.secret;
    const rotated = await world.call('POST', `/v1/push/subscriptions/${sub.id}/rotate`, world.tokens.desk, {
      graceSeconds: 3600,
    });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(old);
    expect(Date.parse(rotated.body.previousSecretValidUntil)).toBeGreaterThan(Date.now() + 3_500_000);
    receiver.secrets = [old, rotated.body.secret];
    await world.inbound('+819000000061', 'during-grace');
    await receiver.until(() => receiver.delivered().length === 1);
    expect(receiver.received[0]!.verifiedBy).toEqual([0, 1]);
    expect(receiver.received[0]!.signature.split(' ')).toHaveLength(2);
    const again = await world.call('POST', `/v1/push/subscriptions/${sub.id}/rotate`, world.tokens.desk, {
      graceSeconds: 0,
    });
    expect(again.body.previousSecretValidUntil).toBeUndefined();
    receiver.secrets = [old, rotated.body.secret, again.body.secret];
    await world.inbound('+819000000061', 'after-grace');
    await receiver.until(() => receiver.delivered().length === 2);
    expect(receiver.received[1]!.verifiedBy).toEqual([2]);
    expect(JSON.stringify((await world.call('GET', '/v1/push/subscriptions', adminToken)).body)).not.toContain(
      'whsec_',
    );
  });

  it('R34: at most 10 subscriptions per service', async () => {
    for (let i = 0; i < 10; i++) await world.subscribe(world.tokens.salesiq, `${receiver.url}?n=${i}`);
    const eleventh = await world.call('POST', '/v1/push/subscriptions', world.tokens.salesiq, { url: receiver.url });
    expect(eleventh.body).toMatchObject({ error: 'INVALID_INPUT' });
  });

  it('R34: a paused subscription keeps queueing; resumed, it delivers everything, in order', async () => {
    const sub = await world.subscribe(world.tokens.desk, receiver.url);
    receiver.secrets = [sub.secret];
    const paused = await world.call('POST', `/v1/push/subscriptions/${sub.id}/pause`, world.tokens.desk);
    expect(paused.body).toMatchObject({ state: 'paused', pausedBecause: 'paused' });
    for (let i = 0; i < 5; i++) await world.inbound('+819000000021', `p${i}`);
    await sleep(300);
    expect(receiver.received).toHaveLength(0);
    const resumed = await world.call('POST', `/v1/push/subscriptions/${sub.id}/resume`, world.tokens.desk);
    expect(resumed.body).toMatchObject({ state: 'active' });
    expect(resumed.body.pausedBecause).toBeUndefined();
    await receiver.until(() => receiver.delivered().filter((r) => r.event.type === 'messageReceived').length === 5);
    const texts = receiver
      .delivered()
      .filter((r) => r.event.type === 'messageReceived')
      .map((r) => r.event.message.text);
    expect(texts).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('R35: revoking the token that created a subscription pauses it (every replica: claims check the token); resuming rebinds it', async () => {
    const issued = await world.call('POST', '/v1/admin/tokens', adminToken, { org: 'acme', service: 'desk' });
    const sub = await world.subscribe(issued.body.token, receiver.url);
    receiver.secrets = [sub.secret];
    await world.inbound('+819000000031', 'before');
    await receiver.until(() => receiver.delivered().some((r) => r.event.message?.text === 'before'));
    // A rotation keeps the token id: the subscription survives it.
    await world.call('POST', `/v1/admin/tokens/${issued.body.id}/rotate`, adminToken, { graceSeconds: 0 });
    await world.inbound('+819000000031', 'after-rotation');
    await receiver.until(() => receiver.delivered().some((r) => r.event.message?.text === 'after-rotation'));
    await world.call('DELETE', `/v1/admin/tokens/${issued.body.id}`, adminToken);
    const seen = receiver.received.length;
    await world.inbound('+819000000031', 'while-revoked');
    await sleep(400);
    expect(receiver.received.length).toBe(seen);
    const read = await world.call('GET', `/v1/push/subscriptions/${sub.id}`, world.tokens.desk);
    expect(read.body).toMatchObject({ state: 'paused', pausedBecause: 'token-revoked' });
    const resumed = await world.call('POST', `/v1/push/subscriptions/${sub.id}/resume`, world.tokens.desk);
    expect(resumed.body).toMatchObject({ state: 'active' });
    expect(resumed.body.tokenId).not.toBe(issued.body.id);
    await receiver.until(() => receiver.delivered().some((r) => r.event.message?.text === 'while-revoked'));
  });

  it('R35: an expired token’s subscription is paused from its expiry on', async () => {
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const issued = await world.call('POST', '/v1/admin/tokens', adminToken, {
      org: 'acme',
      service: 'desk',
      expiresAt,
    });
    const sub = await world.subscribe(issued.body.token, receiver.url);
    await sleep(Date.parse(expiresAt) - Date.now() + 50);
    const seen = receiver.received.length;
    await world.inbound('+819000000041', 'late');
    await sleep(400);
    expect(receiver.received.length).toBe(seen);
    const read = await world.call('GET', `/v1/push/subscriptions/${sub.id}`, adminToken);
    expect(read.body).toMatchObject({ state: 'paused', pausedBecause: 'token-expired' });
    await world.call('POST', `/v1/push/subscriptions/${sub.id}/resume`, adminToken);
    await receiver.until(() => receiver.delivered().some((r) => r.event.message?.text === 'late'));
  });
});
