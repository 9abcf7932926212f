// R6..R14 through the public API: one channel per number, parent and children, closing and reopening.
import { describe, expect, it } from 'vitest';
import { C1, N1, N2, connectAll, eventsOf, makeWorld, refusal, servicesOf, texts } from './support/world';

describe('one channel per number (R6..R8)', () => {
  it('R6: concurrent connects of several services make one shared channel with one parent', async () => {
    const { one } = makeWorld();
    const services = ['desk', 'crm', 'salesiq', 'campaigns'];
    const results = await Promise.all(
      [...services, ...services].map((service) => one.connect({ org: 'acme', service, number: N1 })),
    );
    expect(new Set(results.map((r) => r.channel)).size).toBe(1);
    const info = await one.members({ org: 'acme', number: N1 });
    expect(info.members.map((m) => m.service).sort()).toEqual([...services].sort());
    expect(info.members.filter((m) => m.role === 'parent')).toHaveLength(1);
    expect(results.filter((r) => r.role === 'parent').map((r) => r.channel)).toEqual(
      expect.arrayContaining([info.channel]),
    );
  });

  it('R6: each org has its own shared channel per number, and each number its own', async () => {
    const { one } = makeWorld();
    const [n1] = await connectAll(one, N1, ['crm']);
    const [n2] = await connectAll(one, N2, ['crm']);
    expect(n1!.channel).not.toBe(n2!.channel);
  });

  it('R7: a bundle service joins the existing shared channel, or creates it', async () => {
    const { one } = makeWorld();
    const first = await one.connect({ org: 'acme', service: 'salesiq', number: N1 });
    const second = await one.connect({ org: 'acme', service: 'desk', number: N1 });
    expect(first.role).toBe('parent');
    expect(second).toMatchObject({ channel: first.channel, role: 'child' });
  });

  it('R8: connecting twice is idempotent: same channel, same role, no second membership', async () => {
    const { one } = makeWorld();
    const [crm, desk] = await connectAll(one, N1, ['crm', 'desk']);
    const eventsBefore = await eventsOf(one, 'crm');
    expect(await one.connect({ org: 'acme', service: 'desk', number: N1 })).toEqual(desk);
    expect(await one.connect({ org: 'acme', service: 'crm', number: '+81 3 1234 5678' })).toEqual(crm);
    expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members)).toEqual(['crm*', 'desk']);
    expect(await eventsOf(one, 'crm')).toEqual(eventsBefore);
  });

  it('R8: connecting a service whose membership is disabled is refused with MEMBERSHIP_DISABLED', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await refusal(one.connect({ org: 'acme', service: 'desk', number: N1 }), 'MEMBERSHIP_DISABLED');
    expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members)).toEqual(['crm*']);
    await one.enable({ org: 'acme', service: 'desk', number: N1 });
    expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members)).toEqual(['crm*', 'desk']);
  });
});

describe('parent and children (R9..R14)', () => {
  it('R9: the first membership is the parent; only the parent may change channel settings', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await refusal(
      one.configure({ org: 'acme', service: 'desk', number: N1, settings: { displayName: 'Desk' } }),
      'NOT_PARENT',
    );
    expect(
      await one.configure({ org: 'acme', service: 'crm', number: N1, settings: { displayName: 'Acme' } }),
    ).toMatchObject({ ok: true });
    expect((await one.members({ org: 'acme', number: N1 })).settings).toEqual({ displayName: 'Acme' });
  });

  it('R10: disable keeps the creation time, enable rejoins with it, remove makes a new one on reconnect', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await one.enable({ org: 'acme', service: 'desk', number: N1 });
    expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members)).toEqual(['crm*', 'desk', 'salesiq']);
    await one.remove({ org: 'acme', service: 'desk', number: N1 });
    await one.connect({ org: 'acme', service: 'desk', number: N1 });
    expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members)).toEqual(['crm*', 'salesiq', 'desk']);
  });

  it('R10: disabling a disabled membership or enabling an active one changes nothing and is no error', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    const enabled = await one.enable({ org: 'acme', service: 'desk', number: N1 });
    expect(enabled.parentChange).toBeNull();
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    const before = await eventsOf(one, 'crm');
    const again = await one.disable({ org: 'acme', service: 'desk', number: N1 });
    expect(again).toMatchObject({ parentChange: null, members: [{ service: 'crm', role: 'parent' }] });
    expect(await eventsOf(one, 'crm')).toEqual(before);
    await refusal(one.remove({ org: 'acme', service: 'salesiq', number: N1 }), 'NOT_CONNECTED');
  });

  it('R11: re-elects the earliest active member when the parent is removed', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    const result = await one.remove({ org: 'acme', service: 'crm', number: N1 });
    expect(result.parentChange).toEqual({ from: 'crm', to: 'desk' });
    expect(servicesOf(result.members)).toEqual(['desk*', 'salesiq']);
  });

  it('R11: re-elects the earliest active member when the parent is disabled', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    const result = await one.disable({ org: 'acme', service: 'crm', number: N1 });
    expect(result.parentChange).toEqual({ from: 'crm', to: 'salesiq' });
    expect(servicesOf(result.members)).toEqual(['salesiq*']);
    const parentChanged = (await eventsOf(one, 'salesiq')).filter((e) => e.type === 'parentChanged');
    expect(parentChanged.at(-1)).toMatchObject({ from: 'crm', to: 'salesiq', cause: 'disabled' });
  });

  it('R11: an enabled-again service does not take the parent role back', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.disable({ org: 'acme', service: 'crm', number: N1 });
    const enabled = await one.enable({ org: 'acme', service: 'crm', number: N1 });
    expect(enabled.parentChange).toBeNull();
    expect(servicesOf(enabled.members)).toEqual(['desk*', 'crm']);
    await refusal(
      one.configure({ org: 'acme', service: 'crm', number: N1, settings: { greeting: 'hi' } }),
      'NOT_PARENT',
    );
  });

  it("R11, R14: the article's table, step by step", async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    const steps: [string, 'connect' | 'disable' | 'remove' | 'enable', string[]][] = [
      ['salesiq', 'connect', ['crm*', 'desk', 'salesiq']],
      ['desk', 'disable', ['crm*', 'salesiq']],
      ['crm', 'remove', ['salesiq*']],
      ['desk', 'enable', ['salesiq*', 'desk']],
      ['crm', 'connect', ['salesiq*', 'desk', 'crm']],
    ];
    for (const [service, op, expected] of steps) {
      await one[op]({ org: 'acme', service, number: N1 });
      expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members), `${service} ${op}`).toEqual(
        expected,
      );
    }
  });

  it('R12: history survives every change of members or parent', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    await one.receive({ number: N1, customer: C1, text: 'first', id: 'w1' });
    await one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: 'crm reply' });
    await one.remove({ org: 'acme', service: 'crm', number: N1 });
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await one.receive({ number: N1, customer: C1, text: 'second', id: 'w2' });
    await one.enable({ org: 'acme', service: 'desk', number: N1 });
    await one.connect({ org: 'acme', service: 'crm', number: N1 });
    const crm = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    expect(texts(crm.messages)).toEqual(['first', 'crm reply', 'second']);
    const desk = await one.view({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1 });
    expect(texts(desk.messages)).toEqual(['first', null, 'second']);
  });

  it('R13: with no active membership the channel is closed; inbound is stored and reported undelivered', async () => {
    const { one } = makeWorld();
    const [crm] = await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'before', id: 'w1' });
    await one.disable({ org: 'acme', service: 'crm', number: N1 });
    const last = await one.remove({ org: 'acme', service: 'desk', number: N1 });
    expect(last.members).toEqual([]);
    expect(await one.members({ org: 'acme', number: N1 })).toMatchObject({
      status: 'closed',
      parent: null,
      members: [],
    });
    const inbound = await one.receive({ number: N1, customer: C1, text: 'while closed', id: 'w2' });
    expect(inbound).toMatchObject({ deliveredTo: [], undelivered: true, duplicate: false });
    expect(inbound.conversation).not.toBeNull();
    expect((await one.receive({ number: N1, customer: C1, text: 'while closed', id: 'w2' })).undelivered).toBe(false);
    // The next service to connect reopens the same channel with its history, as parent.
    const reopened = await one.connect({ org: 'acme', service: 'salesiq', number: N1 });
    expect(reopened).toMatchObject({ channel: crm!.channel, role: 'parent' });
    const view = await one.view({ org: 'acme', service: 'salesiq', agent: 's', number: N1, customer: C1 });
    expect(texts(view.messages)).toEqual(['before', 'while closed']);
    expect((await eventsOf(one, 'salesiq')).find((e) => e.type === 'parentChanged')).toMatchObject({
      from: null,
      to: 'salesiq',
      cause: 'reopened',
    });
  });

  it('R13: enabling a member of a closed channel reopens it, as parent', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.disable({ org: 'acme', service: 'crm', number: N1 });
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await one.receive({ number: N1, customer: C1, text: 'nobody home', id: 'w1' });
    const enabled = await one.enable({ org: 'acme', service: 'desk', number: N1 });
    expect(enabled.parentChange).toEqual({ from: null, to: 'desk' });
    expect(await one.members({ org: 'acme', number: N1 })).toMatchObject({ status: 'active', parent: 'desk' });
    const view = await one.view({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1 });
    expect(texts(view.messages)).toEqual(['nobody home']);
  });

  it('R14: members are listed parent first, then by creation time', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['campaigns', 'desk', 'crm', 'salesiq']);
    await one.remove({ org: 'acme', service: 'campaigns', number: N1 });
    await one.connect({ org: 'acme', service: 'campaigns', number: N1 });
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await one.enable({ org: 'acme', service: 'desk', number: N1 });
    expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members)).toEqual([
      'crm*',
      'desk',
      'salesiq',
      'campaigns',
    ]);
  });
});
