// Conformance: inbound, replies, masking, assignment writes, statuses (R12, R15..R21, R24, R26).
import { errorTitleOf } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { agents, at, codeOf, connectAll, connectRecord, decisionFor, freshNumber, inbound, replyAs } from './fixtures';

const customer = '+819012345678';

export const messageTests: Case[] = [
  [
    'R15: an inbound message reaches every active member and every isolated channel on the number',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await storage.connect(connectRecord('acme', number, 'books', { mode: 'isolated', reason: 'finance-service' }));
      const outcome = await inbound(storage, number, customer, 'hello', 'wamid.A');
      expect(outcome.org).toBe('acme');
      expect(outcome.duplicate).toBe(false);
      expect(outcome.deliveries.map((d) => [d.mode, [...d.services].sort()]).sort()).toEqual([
        ['isolated', ['books']],
        ['shared', ['crm', 'desk']],
      ]);
    },
  ],
  [
    'R15: the same provider id twice stores one message, even when both arrive at once',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm']);
      const [a, b] = await Promise.all([
        inbound(storage, number, customer, 'once', 'wamid.X'),
        inbound(storage, number, customer, 'once', 'wamid.X'),
      ]);
      expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
      const again = await inbound(storage, number, customer, 'once', 'wamid.X');
      expect(again).toMatchObject({ duplicate: true, deliveries: [] });
      const conversation = await storage.conversation({ org: 'acme', channel: crm!.channel, customer });
      expect(
        await storage.view({ org: 'acme', channel: crm!.channel, conversation: conversation!.id, service: 'crm' }),
      ).toHaveLength(1);
    },
  ],
  [
    'R5, R15: an inbound message to a number no org connected is NOT_CONNECTED',
    async ({ storage }) => {
      expect(await codeOf(inbound(storage, freshNumber(), customer, 'hello'))).toBe('NOT_CONNECTED');
    },
  ],
  [
    'R26: an isolated channel keeps its own conversation and history; nothing is synced to it',
    async ({ storage }) => {
      const number = freshNumber();
      const [desk] = await connectAll(storage, 'acme', number, ['desk']);
      const books = await storage.connect(
        connectRecord('acme', number, 'books', { mode: 'isolated', reason: 'finance-service' }),
      );
      await inbound(storage, number, customer, 'hi');
      await replyAs(storage, 'acme', desk!.channel, customer, 'desk', 'b', 'desk reply');
      const conv = await storage.conversation({ org: 'acme', channel: books.channel, customer });
      expect(conv?.id).not.toBe((await storage.conversation({ org: 'acme', channel: desk!.channel, customer }))?.id);
      const history = await storage.view({
        org: 'acme',
        channel: books.channel,
        conversation: conv!.id,
        service: 'books',
      });
      expect(history.map((m) => m.direction)).toEqual(['in']);
    },
  ],
  [
    'R17, R19, R20: a reply is full in its own service and masked in the others, with history in order',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, customer, 'question');
      const { message } = await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'canary-crm-1');
      const conv = await storage.conversation({ org: 'acme', channel: crm!.channel, customer });
      const own = await storage.view({ org: 'acme', channel: crm!.channel, conversation: conv!.id, service: 'crm' });
      const other = await storage.view({ org: 'acme', channel: crm!.channel, conversation: conv!.id, service: 'desk' });
      expect(own[1]).toMatchObject({
        id: message,
        direction: 'out',
        service: 'crm',
        agent: 'a',
        text: 'canary-crm-1',
        masked: false,
        status: 'sent',
      });
      expect(other[1]).toMatchObject({
        id: message,
        direction: 'out',
        service: 'crm',
        agent: null,
        agentName: null,
        text: null,
        masked: true,
        status: 'sent',
      });
      expect(other[0]).toMatchObject({ direction: 'in', text: 'question', masked: false, status: 'received' });
      expect(JSON.stringify(other)).not.toContain('canary-crm-1');
    },
  ],
  [
    "R18: a viewer's policy may show other services' agent names, never their text",
    async ({ storage, directory }) => {
      const number = freshNumber();
      await directory.setPolicy('acme', 'salesiq', { showAgentName: true }); // R33: the admin's override
      const [desk] = await connectAll(storage, 'acme', number, ['desk', 'salesiq']);
      await inbound(storage, number, customer, 'q');
      await replyAs(storage, 'acme', desk!.channel, customer, 'desk', 'b', 'canary-desk-2');
      const conv = await storage.conversation({ org: 'acme', channel: desk!.channel, customer });
      const [, seen] = await storage.view({
        org: 'acme',
        channel: desk!.channel,
        conversation: conv!.id,
        service: 'salesiq',
      });
      expect(seen).toMatchObject({ masked: true, text: null, agent: null, agentName: 'Agent B' });
    },
  ],
  [
    'R21, R24: appendReply with assign sets that service only; a stale version is CONFLICT',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, customer, 'q');
      const where = { org: 'acme', channel: crm!.channel, customer };
      const before = await decisionFor(storage, where, 'crm', 'a');
      await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'r');
      const after = await decisionFor(storage, where, 'crm', 'a');
      expect(after.version).toBeGreaterThan(before.version);
      expect(after.assignee).toBe('a');
      expect((await decisionFor(storage, where, 'desk', 'b')).assignee).toBeNull();
      const stale = storage.setAssignment({
        org: 'acme',
        channel: crm!.channel,
        conversation: after.conversation,
        expectedVersion: before.version,
        service: 'desk',
        agent: 'b',
        at: at(),
      });
      expect(await codeOf(stale)).toBe('CONFLICT');
    },
  ],
  [
    'R24: replies that do not assign leave the version, so they never conflict with each other; an assignment since the read is CONFLICT',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, customer, 'q');
      await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'first, assigns');
      const where = { org: 'acme', channel: crm!.channel, customer };
      const read = await decisionFor(storage, where, 'crm', 'a');
      const reply = (text: string, expectedVersion: number) =>
        storage.appendReply({
          org: 'acme',
          channel: crm!.channel,
          conversation: read.conversation,
          expectedVersion,
          service: 'crm',
          agent: 'a',
          agentName: 'Agent A',
          type: 'text',
          text,
          raw: null,
          assign: false,
          at: at(3),
        });
      // Two replies decided on the same read both land, and the version stays.
      const [one, two] = await Promise.all([reply('second', read.version), reply('third', read.version)]);
      expect([one.version, two.version]).toEqual([read.version, read.version]);
      expect((await decisionFor(storage, where, 'crm', 'a')).version).toBe(read.version);
      // An assignment moves it: a reply decided before that is refused.
      await storage.setAssignment({
        org: 'acme',
        channel: crm!.channel,
        conversation: read.conversation,
        expectedVersion: read.version,
        service: 'crm',
        agent: 'c',
        at: at(4),
      });
      expect(await codeOf(reply('stale', read.version))).toBe('CONFLICT');
    },
  ],
  [
    'R21, R22: assignments are per service, ordered (the earliest other hold counts), and can be cleared',
    async ({ storage, directory }) => {
      await agents(directory, 'acme', { a: ['crm'], b: ['desk'], c: ['crm'], x: ['crm', 'desk', 'salesiq'] });
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk', 'salesiq']);
      await inbound(storage, number, customer, 'q');
      const where = { org: 'acme', channel: crm!.channel, customer };
      const set = async (service: string, agent: string | null) => {
        const c = await decisionFor(storage, where, service, 'x');
        return storage.setAssignment({
          org: 'acme',
          channel: crm!.channel,
          conversation: c.conversation,
          expectedVersion: c.version,
          service,
          agent,
          at: at(),
        });
      };
      await set('crm', 'a');
      await set('desk', 'b');
      await set('crm', 'c'); // replaces a, and is now later than desk's b
      expect((await decisionFor(storage, where, 'crm', 'x')).assignee).toBe('c');
      expect((await decisionFor(storage, where, 'desk', 'x')).assignee).toBe('b');
      expect((await decisionFor(storage, where, 'salesiq', 'x')).notice).toMatchObject({
        service: 'desk',
        agent: 'Agent B',
      });
      await set('desk', null);
      expect((await decisionFor(storage, where, 'desk', 'x')).assignee).toBeNull();
      expect((await decisionFor(storage, where, 'salesiq', 'x')).notice).toMatchObject({
        service: 'crm',
        agent: 'Agent C',
      });
    },
  ],
  [
    'R17: a status only moves forward, whatever order reports arrive in; failed replaces sent or delivered',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, customer, 'q');
      const { message } = await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'r');
      const report = (status: 'delivered' | 'read' | 'failed') =>
        storage.updateStatus({
          org: 'acme',
          message,
          status,
          error: status === 'failed' ? { code: 131026, title: 'Undeliverable' } : null,
          at: at(),
        });
      expect(await report('read')).toEqual({ status: 'read', changed: true });
      expect(await report('delivered')).toEqual({ status: 'read', changed: false });
      expect(await report('failed')).toEqual({ status: 'read', changed: false });
      const second = await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'r2');
      await storage.updateStatus({ org: 'acme', message: second.message, status: 'delivered', error: null, at: at() });
      await storage.updateStatus({
        org: 'acme',
        message: second.message,
        status: 'failed',
        error: { code: 131026, title: 'Undeliverable' },
        at: at(),
      });
      const conv = await storage.conversation({ org: 'acme', channel: crm!.channel, customer });
      const seen = await storage.view({ org: 'acme', channel: crm!.channel, conversation: conv!.id, service: 'desk' });
      expect(seen.map((m) => m.status)).toEqual(['received', 'read', 'failed']);
      // R32: another service reads the code with its fixed title, not the title recorded.
      expect(seen[2]!.error).toEqual({ code: 131026, title: errorTitleOf(131026) });
      expect(
        await codeOf(
          storage.updateStatus({ org: 'acme', message: 'no-such-message', status: 'read', error: null, at: at() }),
        ),
      ).toBe('UNKNOWN_MESSAGE');
      expect(await codeOf(storage.updateStatus({ org: 'other', message, status: 'read', error: null, at: at() }))).toBe(
        'UNKNOWN_MESSAGE',
      );
    },
  ],
  [
    'R19: a service that joins later sees the history from before it joined',
    async ({ storage }) => {
      const number = freshNumber();
      const [crm] = await connectAll(storage, 'acme', number, ['crm']);
      await inbound(storage, number, customer, 'early');
      await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'canary-early');
      await storage.connect(connectRecord('acme', number, 'salesiq'));
      const conv = await storage.conversation({ org: 'acme', channel: crm!.channel, customer });
      const seen = await storage.view({
        org: 'acme',
        channel: crm!.channel,
        conversation: conv!.id,
        service: 'salesiq',
      });
      expect(seen.map((m) => [m.direction, m.text, m.masked])).toEqual([
        ['in', 'early', false],
        ['out', null, true],
      ]);
    },
  ],
];
