// R15..R20, R32 through the public API: delivery, one number for every reply, masking, history.
import { describe, expect, it } from 'vitest';
import { errorTitleOf, type ChannelEvent } from '../src';
import { C1, C2, N1, connectAll, eventsOf, makeWorld, refusal, texts } from './support/world';

describe('messages and masking (R15..R20)', () => {
  it('R15: an inbound message reaches every active shared member and every active isolated channel, live', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq', 'books', 'payroll']);
    await one.disable({ org: 'acme', service: 'salesiq', number: N1 });
    await one.disable({ org: 'acme', service: 'payroll', number: N1 });
    const live: ChannelEvent[] = [];
    const feed = one.feed({ org: 'acme', service: 'desk' });
    feed.on('messageReceived', (event) => live.push(event));
    const result = await one.receive({ number: N1, customer: '819012345678', text: 'hello', id: 'w1' });
    expect(result).toMatchObject({
      org: 'acme',
      deliveredTo: ['books', 'crm', 'desk'],
      undelivered: false,
      duplicate: false,
    });
    await new Promise((resolve) => setImmediate(resolve));
    feed.close();
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({
      type: 'messageReceived',
      service: 'desk',
      customer: C1,
      number: N1,
      message: { direction: 'in', text: 'hello' },
    });
    for (const service of ['crm', 'books']) {
      expect(
        (await eventsOf(one, service)).filter((e) => e.type === 'messageReceived'),
        service,
      ).toHaveLength(1);
    }
    expect((await eventsOf(one, 'salesiq')).filter((e) => e.type === 'messageReceived')).toHaveLength(0);
  });

  it('R15: the same provider id twice stores one message', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    await one.receive({ number: N1, customer: C1, text: 'once', id: 'wamid.X' });
    expect(await one.receive({ number: N1, customer: C1, text: 'once', id: 'wamid.X' })).toMatchObject({
      duplicate: true,
      deliveredTo: [],
      undelivered: false,
    });
    const view = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    expect(texts(view.messages)).toEqual(['once']);
    await refusal(one.receive({ number: '+12025550100', customer: C1, text: 'nobody', id: 'w9' }), 'NOT_CONNECTED');
  });

  it('R16: replies from every service go out through the one channel of the one number', async () => {
    const { one } = makeWorld();
    const [crm] = await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    await one.receive({ number: N1, customer: C2, text: 'hi too', id: 'w2' });
    await one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: 'from crm' });
    await one.reply({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C2, text: 'from desk' });
    const sent = (await eventsOf(one, 'crm')).filter((e) => e.type === 'messageSent');
    expect(sent.map((e) => [e.channel, e.number, e.message.service])).toEqual([
      [crm!.channel, N1, 'crm'],
      [crm!.channel, N1, 'desk'],
    ]);
  });

  it('R17: another service sees a reply masked: existence, time, service and status, not text or agent', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    const { message } = await one.reply({
      org: 'acme',
      service: 'crm',
      agent: 'a',
      number: N1,
      customer: C1,
      text: 'secret crm words',
    });
    const own = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    const other = await one.view({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1 });
    expect(own.messages[1]).toMatchObject({
      id: message,
      masked: false,
      text: 'secret crm words',
      agent: 'a',
      service: 'crm',
      status: 'sent',
    });
    expect(other.messages[1]).toMatchObject({
      id: message,
      masked: true,
      text: null,
      agent: null,
      agentName: null,
      raw: null,
      service: 'crm',
      status: 'sent',
      direction: 'out',
    });
    expect(other.messages[1]!.at).toBe(own.messages[1]!.at);
    expect(JSON.stringify(other)).not.toContain('secret crm words');
  });

  it('R17: a status only moves forward whatever order reports arrive in; failed replaces sent or delivered', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    const r1 = (await one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: 'one' }))
      .message;
    const r2 = (await one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: 'two' }))
      .message;
    expect(await one.updateStatus({ org: 'acme', message: r1, status: 'read' })).toMatchObject({
      status: 'read',
      changed: true,
    });
    expect(await one.updateStatus({ org: 'acme', message: r1, status: 'delivered' })).toMatchObject({
      status: 'read',
      changed: false,
    });
    expect(await one.updateStatus({ org: 'acme', message: r1, status: 'failed' })).toMatchObject({
      status: 'read',
      changed: false,
    });
    await one.updateStatus({ org: 'acme', message: r2, status: 'delivered' });
    const error = { code: 131047, title: 'Re-engagement message' };
    expect(await one.updateStatus({ org: 'acme', message: r2, status: 'failed', error })).toMatchObject({
      status: 'failed',
      changed: true,
    });
    expect(await one.updateStatus({ org: 'acme', message: r2, status: 'read' })).toMatchObject({
      status: 'failed',
      changed: false,
    });
    const desk = await one.view({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1 });
    // R32: desk reads the code with its fixed title, not the provider's text.
    expect(desk.messages.slice(1).map((m) => [m.status, m.error, m.masked])).toEqual([
      ['read', null, true],
      ['failed', { code: 131047, title: errorTitleOf(131047) }, true],
    ]);
    const changes = (await eventsOf(one, 'desk')).filter((e) => e.type === 'statusChanged');
    expect(changes.map((e) => e.status)).toEqual(['read', 'delivered', 'failed']);
    await refusal(one.updateStatus({ org: 'beta', message: r1, status: 'read' }), 'UNKNOWN_MESSAGE');
  });

  it("R18, R33: the catalogue's CRM policy shows the sending agent's name only; SalesIQ's hides text and agent", async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    await one.reply({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1, text: 'desk words' });
    const crm = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    expect(crm.messages[1]).toMatchObject({
      masked: true,
      text: null,
      raw: null,
      agent: null,
      agentName: 'Agent B',
      service: 'desk',
    });
    const salesiq = await one.view({ org: 'acme', service: 'salesiq', agent: 's', number: N1, customer: C1 });
    expect(salesiq.messages[1]).toMatchObject({ masked: true, text: null, agent: null, agentName: null });
    const crmEvent = (await eventsOf(one, 'crm')).find((e) => e.type === 'messageSent');
    expect(crmEvent).toMatchObject({ message: { agentName: 'Agent B', text: null, agent: null } });
    const deskOwn = await one.view({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1 });
    expect(deskOwn.messages[1]).toMatchObject({ masked: false, text: 'desk words', agent: 'b' });
  });

  it('R33: connect takes no policy (the server chooses it): any policy in its input is INVALID_INPUT', async () => {
    const { one } = makeWorld();
    for (const policy of [{ showAgentName: true }, { showText: true }, {}, { showAgentName: 'yes' }]) {
      const error = await refusal(
        one.connect({ org: 'acme', service: 'crm', number: N1, policy } as never),
        'INVALID_INPUT',
      );
      expect(error.field).toBe('policy');
    }
    await refusal(one.members({ org: 'acme', number: N1 }), 'NOT_CONNECTED');
  });

  it('R19: an agent sees the whole history in order, from before the service joined, in every service', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    await one.receive({ number: N1, customer: C1, text: 'm1', id: 'w1' });
    await one.reply({ org: 'acme', service: 'crm', agent: 'c', number: N1, customer: C1, text: 'r1' });
    await one.receive({ number: N1, customer: C1, text: 'm2', id: 'w2' });
    await one.connect({ org: 'acme', service: 'desk', number: N1 });
    await one.receive({ number: N1, customer: C1, text: 'm3', id: 'w3' });
    const inCrm = await one.view({ org: 'acme', service: 'crm', agent: 'c', number: N1, customer: C1 });
    const inDesk = await one.view({ org: 'acme', service: 'desk', agent: 'c', number: N1, customer: C1 });
    expect(texts(inCrm.messages)).toEqual(['m1', 'r1', 'm2', 'm3']);
    expect(texts(inDesk.messages)).toEqual(['m1', null, 'm2', 'm3']);
    expect(inDesk.messages.map((m) => m.id)).toEqual(inCrm.messages.map((m) => m.id));
  });

  it('R20: masked text leaves the store toward another service by no path: view, event, feed or error', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    const live: unknown[] = [];
    const feed = one.feed({ org: 'acme', service: 'desk' });
    feed.on('event', (event) => live.push(event));
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    const secret = 'canary-crm-secret-7f3a';
    const { message } = await one.reply({
      org: 'acme',
      service: 'crm',
      agent: 'a',
      number: N1,
      customer: C1,
      text: secret,
    });
    await one.updateStatus({ org: 'acme', message, status: 'delivered' });
    const outputs: unknown[] = [
      await one.view({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1 }),
      await one.view({ org: 'acme', service: 'salesiq', agent: 's', number: N1, customer: C1 }),
      await eventsOf(one, 'desk'),
      await eventsOf(one, 'salesiq'),
      await one
        .reply({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1, text: 'x' })
        .catch((e: unknown) => [String(e), JSON.stringify(e)]),
      await one.assign({ org: 'acme', service: 'desk', agent: 'c', number: N1, customer: C1 }),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    feed.close();
    outputs.push(live);
    expect(live.length).toBeGreaterThan(0);
    expect(JSON.stringify(outputs)).not.toContain(secret);
    expect(
      JSON.stringify(await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 })),
    ).toContain(secret);
  });
});
