// Typed events, one union, each delivered to a service in that service's projection (R17, R20).
import { describe, expect, it } from 'vitest';
import { channelEventTypes, type ChannelEvent, type ChannelEventOf } from '../src';
import { C1, N1, connectAll, eventsOf, makeWorld } from './support/world';

const ofType = <T extends ChannelEvent['type']>(events: ChannelEvent[], type: T) =>
  events.filter((e): e is ChannelEventOf<T> => e.type === type);

describe('events', () => {
  it('R9, R11, R13: parentChanged carries its cause: created, disabled, removed, reopened', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
    await one.disable({ org: 'acme', service: 'crm', number: N1 });
    await one.remove({ org: 'acme', service: 'desk', number: N1 });
    await one.remove({ org: 'acme', service: 'salesiq', number: N1 });
    await one.enable({ org: 'acme', service: 'crm', number: N1 });
    const changes = ofType(await eventsOf(one, 'crm'), 'parentChanged').map((e) => [e.from, e.to, e.cause]);
    expect(changes).toEqual([
      [null, 'crm', 'created'],
      ['crm', 'desk', 'disabled'],
      [null, 'crm', 'reopened'],
    ]);
    const salesiq = ofType(await eventsOf(one, 'salesiq'), 'parentChanged').map((e) => [e.from, e.to, e.cause]);
    expect(salesiq).toEqual([
      ['crm', 'desk', 'disabled'],
      ['desk', 'salesiq', 'removed'],
      ['salesiq', null, 'removed'],
    ]);
  });

  it('R10, R14: membershipChanged names the subject, its state and the members afterwards, parent first', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await one.enable({ org: 'acme', service: 'desk', number: N1 });
    await one.remove({ org: 'acme', service: 'desk', number: N1 });
    const seen = ofType(await eventsOf(one, 'desk'), 'membershipChanged').map((e) => [
      e.subject,
      e.state,
      e.members.map((m) => m.service),
    ]);
    expect(seen).toEqual([
      ['desk', 'active', ['crm', 'desk']],
      ['desk', 'disabled', ['crm']],
      ['desk', 'active', ['crm', 'desk']],
      ['desk', 'removed', ['crm']],
    ]);
  });

  it('R15, R17, R18: message events are projected per receiving service', async () => {
    const { one } = makeWorld();
    await one.connect({ org: 'acme', service: 'crm', number: N1 }); // R33: the catalogue shows CRM agent names
    await connectAll(one, N1, ['desk']);
    await one.receive({ number: N1, customer: C1, text: 'question', id: 'w1' });
    const { message } = await one.reply({
      org: 'acme',
      service: 'desk',
      agent: 'b',
      number: N1,
      customer: C1,
      text: 'desk says',
    });
    for (const [service, expected] of [
      ['desk', { masked: false, text: 'desk says', agent: 'b', agentName: 'Agent B' }],
      ['crm', { masked: true, text: null, agent: null, agentName: 'Agent B', raw: null }],
    ] as const) {
      const events = await eventsOf(one, service);
      expect(ofType(events, 'messageReceived').map((e) => [e.service, e.customer, e.message.text])).toEqual([
        [service, C1, 'question'],
      ]);
      const [sent] = ofType(events, 'messageSent');
      expect(sent).toMatchObject({
        service,
        customer: C1,
        number: N1,
        message: { id: message, service: 'desk', status: 'sent', ...expected },
      });
    }
  });

  it('R17, R21: statusChanged and assignmentChanged reach the members, with no message text', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'q', id: 'w1' });
    const { message } = await one.reply({
      org: 'acme',
      service: 'crm',
      agent: 'a',
      number: N1,
      customer: C1,
      text: 'crm-only text',
    });
    await one.updateStatus({ org: 'acme', message, status: 'delivered' });
    const events = await eventsOf(one, 'desk');
    expect(ofType(events, 'assignmentChanged').map((e) => [e.subject, e.customer])).toEqual([['crm', C1]]);
    expect(ofType(await eventsOf(one, 'crm'), 'assignmentChanged').map((e) => [e.subject, e.agent])).toEqual([
      ['crm', 'a'],
    ]);
    expect(ofType(events, 'statusChanged').map((e) => [e.message, e.status, e.error])).toEqual([
      [message, 'delivered', null],
    ]);
    expect(JSON.stringify(events)).not.toContain('crm-only text');
  });

  it('every event is of the union, carries its cursor, and a feed delivers each type to typed listeners', async () => {
    const { one } = makeWorld();
    const feed = one.feed({ org: 'acme', service: 'crm' });
    const live: string[] = [];
    for (const type of channelEventTypes) feed.on(type, (event: ChannelEvent) => live.push(event.type));
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'q', id: 'w1' });
    // R30: a reaction, an edit and a revoke, with their typed content as the webhook stores it
    for (const [type, content] of [
      ['reaction', { emoji: '👍' }],
      ['edit', { text: 'q!' }],
      ['revoke', {}],
    ] as const)
      await one.receive({
        number: N1,
        customer: C1,
        text: type,
        id: `w-${type}`,
        type,
        raw: { onenumber: { kind: type, messageId: 'w1', summary: type, ...content } },
      });
    const { message } = await one.reply({
      org: 'acme',
      service: 'crm',
      agent: 'a',
      number: N1,
      customer: C1,
      text: 'r',
    });
    await one.updateStatus({ org: 'acme', message, status: 'read' });
    await one.remove({ org: 'acme', service: 'crm', number: N1 });
    await new Promise((resolve) => setImmediate(resolve));
    feed.close();
    const stored = await eventsOf(one, 'crm');
    expect(new Set(stored.map((e) => e.type))).toEqual(new Set(channelEventTypes));
    expect(live).toEqual(stored.map((e) => e.type));
    expect(
      stored.every((e) => e.org === 'acme' && e.service === 'crm' && e.number === N1 && typeof e.at === 'string'),
    ).toBe(true);
    const ids = stored.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const resumed = await one.events({ org: 'acme', service: 'crm', after: ids[2] });
    expect(resumed).toEqual(stored.slice(3));
    expect(await one.events({ org: 'acme', service: 'crm', after: ids[0], limit: 2 })).toEqual(stored.slice(1, 3));
  });

  it('R20: a feed resumed after a cursor replays missed events once, then live ones', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    const [first] = await eventsOf(one, 'desk');
    const feed = one.feed({ org: 'acme', service: 'desk', after: first!.id });
    const live: ChannelEvent[] = [];
    feed.on('event', (event) => live.push(event));
    await one.receive({ number: N1, customer: C1, text: 'q', id: 'w1' });
    await new Promise((resolve) => setImmediate(resolve));
    feed.close();
    expect(live).toEqual((await eventsOf(one, 'desk')).slice(1));
    expect(feed.lastEventId).toBe(live.at(-1)!.id);
  });
});
