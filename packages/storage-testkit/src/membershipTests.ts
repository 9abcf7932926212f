// Conformance: channels, memberships, election (R3, R5..R14, R28).
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { codeOf, connectAll, connectRecord, freshNumber, inbound } from './fixtures';

export const membershipTests: Case[] = [
  [
    'R6: concurrent connects of one number make one shared channel with one parent',
    async ({ storage }) => {
      const number = freshNumber();
      const services = ['crm', 'desk', 'salesiq', 'campaigns', 'bigin'];
      const results = await Promise.all(services.map((s) => storage.connect(connectRecord('acme', number, s))));
      expect(new Set(results.map((r) => r.channel)).size).toBe(1);
      expect(results.filter((r) => r.role === 'parent')).toHaveLength(1);
      const info = await storage.channelInfo({ org: 'acme', number });
      expect(info?.members).toHaveLength(5);
      expect(info?.members.filter((m) => m.role === 'parent')).toHaveLength(1);
    },
  ],
  [
    'R7, R8: a second connect joins the same channel; connecting twice is idempotent',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm, desk] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      const again = await storage.connect(connectRecord('acme', number, 'desk'));
      expect(desk!.channel).toBe(crm!.channel);
      expect(again).toMatchObject({ channel: crm!.channel, role: 'child', created: false });
      expect((await storage.channelInfo({ org: 'acme', number }))?.members).toEqual([
        { service: 'crm', role: 'parent' },
        { service: 'desk', role: 'child' },
      ]);
    },
  ],
  [
    'R8: connecting a disabled membership is refused with MEMBERSHIP_DISABLED',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await storage.changeMembership({
        org: 'acme',
        number,
        service: 'desk',
        action: 'disable',
        at: '2026-01-01T00:00:00.000Z',
      });
      expect(await codeOf(storage.connect(connectRecord('acme', number, 'desk')))).toBe('MEMBERSHIP_DISABLED');
    },
  ],
  [
    'R5: a number connected in one org is refused in another, even once its channels are closed',
    async ({ storage }) => {
      const number = freshNumber();
      await storage.connect(connectRecord('acme', number, 'crm'));
      expect(await codeOf(storage.connect(connectRecord('other', number, 'crm')))).toBe('NUMBER_IN_USE_BY_ANOTHER_ORG');
      await storage.changeMembership({
        org: 'acme',
        number,
        service: 'crm',
        action: 'remove',
        at: '2026-01-01T00:00:00.000Z',
      });
      expect(
        await codeOf(
          storage.connect(connectRecord('other', number, 'crm', { mode: 'isolated', reason: 'standalone' })),
        ),
      ).toBe('NUMBER_IN_USE_BY_ANOTHER_ORG');
    },
  ],
  [
    'R3: an isolated service gets a channel of its own, of which it is parent',
    async ({ storage }) => {
      const number = freshNumber();
      const shared = await storage.connect(connectRecord('acme', number, 'desk'));
      const books = await storage.connect(
        connectRecord('acme', number, 'books', { mode: 'isolated', reason: 'finance-service' }),
      );
      const bigin = await storage.connect(
        connectRecord('acme', number, 'bigin', { mode: 'isolated', reason: 'standalone' }),
      );
      expect(new Set([shared.channel, books.channel, bigin.channel]).size).toBe(3);
      expect(books).toMatchObject({ mode: 'isolated', role: 'parent' });
      expect((await storage.channelInfo({ org: 'acme', number }))?.members).toEqual([
        { service: 'desk', role: 'parent' },
      ]);
      expect((await storage.channelInfo({ org: 'acme', number, service: 'books' }))?.members).toEqual([
        { service: 'books', role: 'parent' },
      ]);
      expect(await storage.findMembership({ org: 'acme', number, service: 'books' })).toMatchObject({
        channel: books.channel,
        mode: 'isolated',
        state: 'active',
      });
    },
  ],
  [
    "R11, R14: the article's membership table",
    async ({ storage }) => {
      const number = freshNumber();
      const change = (service: string, action: 'disable' | 'enable' | 'remove') =>
        storage.changeMembership({ org: 'acme', number, service, action, at: '2026-01-01T00:00:00.000Z' });
      await connectAll(storage, 'acme', number, ['crm', 'desk', 'salesiq']);
      expect((await change('desk', 'disable')).members).toEqual([
        { service: 'crm', role: 'parent' },
        { service: 'salesiq', role: 'child' },
      ]);
      const removed = await change('crm', 'remove');
      expect(removed.members).toEqual([{ service: 'salesiq', role: 'parent' }]);
      expect(removed.parentChange).toEqual({ from: 'crm', to: 'salesiq' });
      expect((await change('desk', 'enable')).members).toEqual([
        { service: 'salesiq', role: 'parent' },
        { service: 'desk', role: 'child' },
      ]);
      const crm = await storage.connect(connectRecord('acme', number, 'crm'));
      expect(crm.role).toBe('child');
      expect((await storage.channelInfo({ org: 'acme', number }))?.members.map((m) => m.service)).toEqual([
        'salesiq',
        'desk',
        'crm',
      ]);
    },
  ],
  [
    'R10: disabling a disabled membership or enabling an active one changes nothing',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm', 'desk']);
      const change = (action: 'disable' | 'enable') =>
        storage.changeMembership({ org: 'acme', number, service: 'desk', action, at: '2026-01-01T00:00:00.000Z' });
      expect((await change('enable')).parentChange).toBeNull();
      await change('disable');
      const twice = await change('disable');
      expect(twice.members).toEqual([{ service: 'crm', role: 'parent' }]);
      expect(twice.parentChange).toBeNull();
      expect(
        await codeOf(
          storage.changeMembership({
            org: 'acme',
            number,
            service: 'salesiq',
            action: 'disable',
            at: '2026-01-01T00:00:00.000Z',
          }),
        ),
      ).toBe('NOT_CONNECTED');
    },
  ],
  [
    'R11: an enabled-again membership keeps its creation order but does not take the parent role back',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm', 'desk', 'salesiq']);
      const change = (service: string, action: 'disable' | 'enable') =>
        storage.changeMembership({ org: 'acme', number, service, action, at: '2026-01-01T00:00:00.000Z' });
      expect((await change('crm', 'disable')).parentChange).toEqual({ from: 'crm', to: 'desk' });
      const back = await change('crm', 'enable');
      expect(back.members).toEqual([
        { service: 'desk', role: 'parent' },
        { service: 'crm', role: 'child' },
        { service: 'salesiq', role: 'child' },
      ]);
      expect((await storage.findMembership({ org: 'acme', number, service: 'crm' }))?.role).toBe('child');
    },
  ],
  [
    'R12, R13: with nobody active the channel is closed, keeps its history, and reopens with the next member as parent',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, '+819012345678', 'before');
      for (const service of ['crm', 'desk'])
        await storage.changeMembership({
          org: 'acme',
          number,
          service,
          action: 'disable',
          at: '2026-01-01T00:00:00.000Z',
        });
      expect((await storage.channelInfo({ org: 'acme', number }))?.status).toBe('closed');
      const closed = await inbound(storage, number, '+819012345678', 'while closed');
      expect(closed.deliveries.flatMap((d) => d.services)).toEqual([]);
      const reopened = await storage.changeMembership({
        org: 'acme',
        number,
        service: 'desk',
        action: 'enable',
        at: '2026-01-01T00:00:00.000Z',
      });
      expect(reopened).toMatchObject({ channel: crm!.channel, members: [{ service: 'desk', role: 'parent' }] });
      const conversation = await storage.conversation({
        org: 'acme',
        channel: crm!.channel,
        customer: '+819012345678',
      });
      const history = await storage.view({
        org: 'acme',
        channel: crm!.channel,
        conversation: conversation!.id,
        service: 'desk',
      });
      expect(history.map((m) => m.text)).toEqual(['before', 'while closed']);
    },
  ],
  [
    'R12: removing every member and connecting again reuses the channel and its history',
    async ({ storage }) => {
      const number = freshNumber();
      const [first] = await connectAll(storage, 'acme', number, ['crm']);
      await inbound(storage, number, '+819012345678', 'kept');
      await storage.changeMembership({
        org: 'acme',
        number,
        service: 'crm',
        action: 'remove',
        at: '2026-01-01T00:00:00.000Z',
      });
      expect(await storage.findMembership({ org: 'acme', number, service: 'crm' })).toBeNull();
      const again = await storage.connect(connectRecord('acme', number, 'desk'));
      expect(again).toMatchObject({ channel: first!.channel, role: 'parent', created: true });
      const conversation = await storage.conversation({
        org: 'acme',
        channel: first!.channel,
        customer: '+819012345678',
      });
      expect(conversation).not.toBeNull();
    },
  ],
  [
    'R9, R28: only the parent may change settings; settings merge',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      expect(
        await codeOf(
          storage.configure({ org: 'acme', channel: crm!.channel, service: 'desk', settings: { displayName: 'x' } }),
        ),
      ).toBe('NOT_PARENT');
      await storage.configure({
        org: 'acme',
        channel: crm!.channel,
        service: 'crm',
        settings: { displayName: 'Acme' },
      });
      const settings = await storage.configure({
        org: 'acme',
        channel: crm!.channel,
        service: 'crm',
        settings: { greeting: 'Hello' },
      });
      expect(settings).toEqual({ displayName: 'Acme', greeting: 'Hello' });
      expect((await storage.channelInfo({ org: 'acme', number }))?.settings).toEqual({
        displayName: 'Acme',
        greeting: 'Hello',
      });
    },
  ],
  [
    'R25: a channel is not reachable from another org',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm']);
      expect(
        await codeOf(
          storage.configure({ org: 'other', channel: crm!.channel, service: 'crm', settings: { displayName: 'x' } }),
        ),
      ).not.toBeNull();
      await inbound(storage, number, '+819012345678', 'private to acme');
      expect(
        await storage
          .conversation({ org: 'other', channel: crm!.channel, customer: '+819012345678' })
          .catch(() => null),
      ).toBeNull();
      expect(await storage.channelInfo({ org: 'other', number })).toBeNull();
    },
  ],
];
