// Conformance (issue 9, optional capabilities): the audit timeline and durable cursors. A storage
// without a capability shows these tests as skipped, with the reason.
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { at, connectAll, freshNumber, inbound, replyAs } from './fixtures';

const customer = '+819012345678';

export const timelineTests: Case[] = [
  [
    'issue 9: the timeline records joins, leaves, elections, assignments and statuses in order, without text',
    async ({ storage, skip }) => {
      if (!storage.timeline) return skip('this storage has no timeline capability');
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, customer, 'hello');
      const { message } = await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'canary-timeline');
      await storage.updateStatus({ org: 'acme', message, status: 'read', error: null, at: at(3) });
      await storage.changeMembership({ org: 'acme', number, service: 'crm', action: 'disable', at: at(4) });
      const entries = await storage.timeline({ org: 'acme', channel: crm!.channel, service: 'crm' });
      expect(entries.map((e) => `${e.what}:${e.why}`)).toEqual([
        'joined:connected',
        'elected:created',
        'joined:connected',
        'assigned:reply',
        'status:provider-report',
        'disabled:disable',
        'elected:parent-disabled',
      ]);
      expect(entries.find((e) => e.what === 'elected' && e.why === 'parent-disabled')).toMatchObject({
        from: 'crm',
        to: 'desk',
      });
      expect(entries.find((e) => e.what === 'assigned')).toMatchObject({ service: 'crm', agent: 'a' });
      expect(JSON.stringify(entries)).not.toContain('canary-timeline');
      const page = await storage.timeline({
        org: 'acme',
        channel: crm!.channel,
        service: 'crm',
        after: entries[2]!.id,
        limit: 2,
      });
      expect(page.map((e) => e.id)).toEqual(entries.slice(3, 5).map((e) => e.id));
    },
  ],
  [
    'issue 9: note() adds an entry (R23 confirmation requested), and the timeline is scoped to its org',
    async ({ storage, skip }) => {
      if (!storage.timeline || !storage.note) return skip('this storage has no timeline capability');
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm']);
      await storage.note({
        org: 'acme',
        entry: {
          channel: crm!.channel,
          at: at(),
          what: 'confirmation-requested',
          service: 'desk',
          agent: 'd',
          from: null,
          to: null,
          message: null,
          status: null,
          why: 'held-in-crm',
        },
      });
      const read = async (service: string) =>
        (await storage.timeline!({ org: 'acme', channel: crm!.channel, service })).at(-1);
      expect(await read('desk')).toMatchObject({ what: 'confirmation-requested', agent: 'd', why: 'held-in-crm' });
      // R33: the entry is about desk's agent: another reader sees that it happened, not who.
      expect(await read('crm')).toMatchObject({ what: 'confirmation-requested', service: 'desk', agent: null });
      expect(await storage.timeline({ org: 'other', channel: crm!.channel, service: 'crm' }).catch(() => [])).toEqual(
        [],
      );
    },
  ],
  [
    'issue 9: a durable cursor is kept per service and only moves forward',
    async ({ storage, skip }) => {
      if (!storage.loadCursor || !storage.saveCursor) return skip('this storage has no durable cursors');
      expect(await storage.loadCursor({ org: 'acme', service: 'crm' })).toBeNull();
      await storage.saveCursor({ org: 'acme', service: 'crm', cursor: '12' });
      await storage.saveCursor({ org: 'acme', service: 'crm', cursor: '9' });
      await storage.saveCursor({ org: 'acme', service: 'desk', cursor: '3' });
      expect(await storage.loadCursor({ org: 'acme', service: 'crm' })).toBe('12');
      expect(await storage.loadCursor({ org: 'acme', service: 'desk' })).toBe('3');
      expect(await storage.loadCursor({ org: 'other', service: 'crm' })).toBeNull();
    },
  ],
];
