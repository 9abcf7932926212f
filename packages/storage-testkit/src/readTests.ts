// Conformance, R39: markRead moves the reading service's read marker to the conversation's last
// message, forward only and per service, and assigns nobody. Without a transport no read receipt
// goes out; with one (readReceiptTests) a receipt goes out at most once per inbound message,
// whichever service reads first. A storage without read markers skips these, visibly.
import type { ChannelStorage } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case, SuiteContext } from './describeStorage';
import { agents, at, codeOf, connectAll, decisionFor, freshNumber } from './fixtures';

const customer = '+819012345611';

/** crm and desk on a number, with agents a (crm) and b (desk); `say` stores an inbound message. */
export async function readable(ctx: SuiteContext) {
  if (!ctx.storage.markRead) return null;
  await agents(ctx.directory, 'acme', { a: ['crm'], b: ['desk'] });
  const number = freshNumber();
  const [crm] = await connectAll(ctx.storage, 'acme', number, ['crm', 'desk']);
  const channel = crm!.channel;
  const say = async (text: string, providerId: string | null = null) => {
    const outcome = await ctx.storage.receive({
      number,
      customer,
      providerId,
      type: 'text',
      text,
      raw: null,
      at: at(1),
    });
    return outcome.deliveries[0]!;
  };
  const first = await say('hello');
  const markRead = (storage: ChannelStorage, service: string, agent: string, typing = false) =>
    storage.markRead!({ org: 'acme', channel, conversation: first.conversation, service, agent, typing, at: at(4) });
  return { number, channel, conversation: first.conversation, say, markRead };
}

export const readTests: Case[] = [
  [
    'R39: markRead moves the service’s own marker to the last message, forward only, and sends no receipt without a transport',
    async (ctx) => {
      const world = await readable(ctx);
      if (!world) return ctx.skip('this storage keeps no read markers');
      const { storage } = ctx;
      expect(await world.markRead(storage, 'crm', 'a')).toEqual({ moved: true, receipt: null });
      expect(await world.markRead(storage, 'crm', 'a')).toEqual({ moved: false, receipt: null });
      expect(await world.markRead(storage, 'desk', 'b')).toEqual({ moved: true, receipt: null }); // its own marker
      await world.say('one more', 'wamid.r39.nt.1');
      expect(await world.markRead(storage, 'crm', 'a', true)).toEqual({ moved: true, receipt: null });
    },
  ],
  [
    'R39: markRead assigns nobody and changes no version; a channel of another org is refused',
    async (ctx) => {
      const world = await readable(ctx);
      if (!world) return ctx.skip('this storage keeps no read markers');
      const where = { org: 'acme', channel: world.channel, customer };
      const before = await decisionFor(ctx.storage, where, 'crm', 'a');
      await world.markRead(ctx.storage, 'crm', 'a');
      const after = await decisionFor(ctx.storage, where, 'crm', 'a');
      expect(after).toMatchObject({ assignee: null, version: before.version });
      const refused = await codeOf(
        ctx.storage.markRead!({
          org: 'other',
          channel: world.channel,
          conversation: world.conversation,
          service: 'crm',
          agent: 'a',
          typing: false,
          at: at(5),
        }),
      );
      expect(refused).toBe('NOT_CONNECTED');
    },
  ],
];

/** With a transport (R38's setup): the receipt of each inbound message goes out once. */
export const readReceiptTests: Case[] = [
  [
    'R39: with a transport a read receipt goes out once per inbound message, whichever service reads first',
    async (ctx) => {
      const world = await readable(ctx);
      if (!world) return ctx.skip('this storage keeps no read markers');
      const { storage } = ctx;
      // The first message had no provider id: nothing to acknowledge to WhatsApp.
      expect(await world.markRead(storage, 'crm', 'a')).toEqual({ moved: true, receipt: null });
      const second = await world.say('are you there?', 'wamid.r39.1');
      expect(await world.markRead(storage, 'crm', 'a', true)).toEqual({ moved: true, receipt: second.message });
      expect(await world.markRead(storage, 'desk', 'b')).toEqual({ moved: true, receipt: null }); // sent already
      expect(await world.markRead(storage, 'crm', 'a')).toEqual({ moved: false, receipt: null });
      const third = await world.say('hello?', 'wamid.r39.2');
      expect(await world.markRead(storage, 'desk', 'b')).toEqual({ moved: true, receipt: third.message });
      expect(await world.markRead(storage, 'crm', 'a')).toEqual({ moved: true, receipt: null });
    },
  ],
];
