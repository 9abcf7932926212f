// Conformance: each service's event stream: projected (R20), ordered, resumable, each event once.
import type { ChannelEvent } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { collect, connectAll, freshNumber, inbound, replyAs } from './fixtures';

const customer = '+819012345678';

export const eventTests: Case[] = [
  [
    'R15, R17, R20: events reach each member projected for it; another service never gets reply text or its sender',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, customer, 'hello');
      await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'canary-events-1');
      const crmEvents = await storage.events({ org: 'acme', service: 'crm' });
      const deskEvents = await storage.events({ org: 'acme', service: 'desk' });
      const sentTo = (events: ChannelEvent[]) => events.find((e) => e.type === 'messageSent');
      expect(deskEvents.some((e) => e.type === 'messageReceived' && e.message.text === 'hello')).toBe(true);
      expect(sentTo(crmEvents)).toMatchObject({ service: 'crm', message: { text: 'canary-events-1', masked: false } });
      expect(sentTo(deskEvents)).toMatchObject({ service: 'desk', message: { text: null, agent: null, masked: true } });
      expect(JSON.stringify(deskEvents)).not.toContain('canary-events-1');
      // R17, R22: the reply assigned its sender (R24); another service is not told who that is.
      expect(crmEvents.find((e) => e.type === 'assignmentChanged')).toMatchObject({ subject: 'crm', agent: 'a' });
      expect(deskEvents.find((e) => e.type === 'assignmentChanged')).toMatchObject({ subject: 'crm', agent: null });
      expect(deskEvents.every((e) => e.org === 'acme' && e.service === 'desk')).toBe(true);
    },
  ],
  [
    'R11: membership and parent changes are announced with the cause',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await storage.changeMembership({
        org: 'acme',
        number,
        service: 'crm',
        action: 'remove',
        at: '2026-01-01T00:00:00.000Z',
      });
      const desk = await storage.events({ org: 'acme', service: 'desk' });
      expect(desk.find((e) => e.type === 'parentChanged' && e.cause === 'removed')).toMatchObject({
        from: 'crm',
        to: 'desk',
      });
      expect(
        desk
          .filter((e) => e.type === 'membershipChanged')
          .map((e) => (e.type === 'membershipChanged' ? `${e.subject}:${e.state}` : '')),
      ).toEqual(['desk:active', 'crm:removed']);
    },
  ],
  [
    'events after a cursor: ordered, none skipped, none repeated, limit respected',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm']);
      for (let i = 0; i < 5; i++) await inbound(storage, number, customer, `m${i}`, `wamid.c${i}`);
      const all = await storage.events({ org: 'acme', service: 'crm' });
      const received = all.filter((e) => e.type === 'messageReceived');
      expect(received.map((e) => (e.type === 'messageReceived' ? e.message.text : ''))).toEqual([
        'm0',
        'm1',
        'm2',
        'm3',
        'm4',
      ]);
      const cut = all.indexOf(received[1]!);
      const rest = await storage.events({ org: 'acme', service: 'crm', after: all[cut]!.id });
      expect(rest.map((e) => e.id)).toEqual(all.slice(cut + 1).map((e) => e.id));
      expect(await storage.events({ org: 'acme', service: 'crm', after: all[cut]!.id, limit: 2 })).toHaveLength(2);
    },
  ],
  [
    'subscribe: live events arrive in order; with a cursor, missed events come first, each once',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm']);
      await inbound(storage, number, customer, 'before-1', 'wamid.s1');
      const cursor = (await storage.events({ org: 'acme', service: 'crm' })).at(-1)!.id;
      await inbound(storage, number, customer, 'missed', 'wamid.s2');
      const text = (e: ChannelEvent) => (e.type === 'messageReceived' ? e.message.text : e.type);
      const pending = collect<ChannelEvent>(
        (push) => storage.subscribe({ org: 'acme', service: 'crm', after: cursor }, push),
        2,
      );
      await new Promise((r) => setTimeout(r, 50));
      await inbound(storage, number, customer, 'live', 'wamid.s3');
      expect((await pending).map(text)).toEqual(['missed', 'live']);
      // Live only: nothing from before the subscription. A remote subscription goes live when its
      // stream connects, so probe until something arrives rather than guessing a delay.
      const got: ChannelEvent[] = [];
      const stop = storage.subscribe({ org: 'acme', service: 'crm' }, (e) => got.push(e));
      for (let probe = 0; got.length === 0 && probe < 100; probe++) {
        await inbound(storage, number, customer, `probe-${probe}`, `wamid.probe.${probe}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      stop();
      expect(got.length).toBeGreaterThan(0);
      expect(got.map(text).every((t) => String(t).startsWith('probe-'))).toBe(true);
    },
  ],
];
