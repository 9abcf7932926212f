// Conformance, issue 21 (R17..R21, R33, R39): a channel's conversations as one service lists them:
// newest activity first, paged by cursor; the last message projected for that service (another
// service's reply masked: no text, no agent); that service's own assignee, never another's; unread
// = the customer's messages after that service's read marker.
import type { ChannelStorage, ConversationPage } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case, SuiteContext } from './describeStorage';
import { agents, at, codeOf, connectAll, decisionFor, freshNumber } from './fixtures';

const taro = '+819012345621';
const hana = '+819012345622';
const secret = 'canary-list-4e1d';

async function listed(ctx: SuiteContext) {
  if (!ctx.storage.conversations || !ctx.storage.markRead) return null;
  await agents(ctx.directory, 'acme', { a: ['crm'], b: ['desk'] });
  const number = freshNumber();
  const [crm, desk] = await connectAll(ctx.storage, 'acme', number, ['crm', 'desk']);
  const channel = crm!.channel;
  const say = (customer: string, text: string, minute: number) =>
    ctx.storage.receive({ number, customer, providerId: null, type: 'text', text, raw: null, at: at(minute) });
  const list = (storage: ChannelStorage, service: string, after?: string, limit = 10): Promise<ConversationPage> =>
    storage.conversations!({ org: 'acme', channel, service, limit, ...(after ? { after } : {}) });
  return { number, channel, desk: desk!, say, list };
}

export const listTests: Case[] = [
  [
    'issue 21: conversations newest first; the last message masked for another service; its own assignee only; unread after its marker',
    async (ctx) => {
      const world = await listed(ctx);
      if (!world) return ctx.skip('this storage cannot list conversations');
      const { storage } = ctx;
      await world.say(taro, 'first', 1);
      await world.say(hana, 'hello', 2);
      await world.say(taro, 'second', 3);
      // crm's agent a answers taro (R24: the reply assigns a in crm), after everything else.
      const decision = await decisionFor(storage, { org: 'acme', channel: world.channel, customer: taro }, 'crm', 'a');
      await storage.appendReply({
        ...{ org: 'acme', channel: world.channel, conversation: decision.conversation, service: 'crm' },
        ...{ expectedVersion: decision.version, agent: 'a', agentName: 'Agent A', type: 'text', text: secret },
        ...{ raw: null, assign: true, at: at(5) },
      });
      const forDesk = await world.list(storage, 'desk');
      expect(forDesk.next).toBeNull();
      expect(forDesk.conversations.map((c) => [c.customer, c.unread, c.assignee])).toEqual([
        [taro, 2, null], // crm's assignee is not desk's to see (R33)
        [hana, 1, null],
      ]);
      expect(forDesk.conversations[0]!.lastMessage).toMatchObject({
        direction: 'out',
        service: 'crm',
        masked: true,
        text: null,
        agent: null,
      });
      expect(JSON.stringify(forDesk)).not.toContain(secret);
      const forCrm = await world.list(storage, 'crm');
      expect(forCrm.conversations[0]).toMatchObject({
        customer: taro,
        assignee: 'a',
        lastMessage: { text: secret, masked: false, agent: 'a' },
      });
      await storage.markRead!({
        ...{ org: 'acme', channel: world.channel, conversation: decision.conversation },
        ...{ service: 'desk', agent: 'b', typing: false, at: at(6) },
      });
      expect((await world.list(storage, 'desk')).conversations.map((c) => c.unread)).toEqual([0, 1]);
      expect((await world.list(storage, 'crm')).conversations.map((c) => c.unread)).toEqual([2, 1]); // crm's own marker
    },
  ],
  [
    'issue 21: pages by cursor, each conversation once; a bad cursor is INVALID_INPUT; another org is refused',
    async (ctx) => {
      const world = await listed(ctx);
      if (!world) return ctx.skip('this storage cannot list conversations');
      const customers = ['+819012345631', '+819012345632', '+819012345633'];
      for (const [i, customer] of customers.entries()) await world.say(customer, `m${i}`, i + 1);
      const first = await world.list(ctx.storage, 'crm', undefined, 2);
      expect(first.conversations.map((c) => c.customer)).toEqual([customers[2], customers[1]]);
      expect(first.next).not.toBeNull();
      const second = await world.list(ctx.storage, 'crm', first.next!, 2);
      expect(second.conversations.map((c) => c.customer)).toEqual([customers[0]]);
      expect(second.next).toBeNull();
      expect(await codeOf(world.list(ctx.storage, 'crm', 'not-a-cursor'))).toBe('INVALID_INPUT');
      expect(
        await codeOf(ctx.storage.conversations!({ org: 'other', channel: world.channel, service: 'crm', limit: 5 })),
      ).toBe('NOT_CONNECTED');
    },
  ],
];
