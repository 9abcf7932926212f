// Shared adapter suite: view, reply and assign through the facade (R16..R25), in the adapter's
// words, with the masking policy the server's catalogue gives the adapter's service (R18, R33).
import { expect } from 'vitest';
import { cataloguePolicy } from '../../masking/policyCatalogue';
import type { AdapterCase } from './describeAdapter';
import { C1, N1, agents, asOther, inbound, refusal, words, type AdapterSuiteContext, type Loose } from './adapterWorld';

/** Both services connected (the other one first, as parent) and one customer message in. */
async function sharedConversation(ctx: AdapterSuiteContext) {
  await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
  await ctx.adapter.connect(N1);
  await inbound(ctx.onenumber, 'Where is my order?', 'wamid.conv-1');
}

const view = async (ctx: AdapterSuiteContext, agent: Parameters<typeof words>[1]) =>
  (await ctx.adapter.view(words(ctx.adapter, agent))) as unknown as Loose & { messages: Loose[] };

export const conversationCases: AdapterCase[] = [
  [
    "R18, R33: the catalogue's policy for the service applies: another service's agent name only where it says so",
    async (ctx) => {
      const expectedPolicy = cataloguePolicy(ctx.service);
      expect(ctx.adapter).not.toHaveProperty('policy'); // R33: not the adapter's to choose
      await sharedConversation(ctx);
      await ctx.onenumber.reply({ ...asOther(ctx, 'theirs'), text: 'canary-policy-7f3a' });
      const [, reply] = (await view(ctx, 'mine')).messages;
      expect(reply).toMatchObject({
        direction: 'out',
        service: ctx.other,
        masked: true,
        text: null,
        agent: null,
        raw: null,
        status: 'sent',
      });
      expect(reply!.agentName).toBe(expectedPolicy.showAgentName ? agents.theirs : null);
      expect(JSON.stringify(await view(ctx, 'mine'))).not.toContain('canary-policy-7f3a');
    },
  ],
  [
    "R17, R19: the adapter's own reply is shown in full in its view and masked in the other service; history from before joining",
    async (ctx) => {
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      await inbound(ctx.onenumber, 'before the adapter joined', 'wamid.conv-early');
      await ctx.adapter.connect(N1);
      await ctx.adapter.reply(words(ctx.adapter, 'mine', { text: 'canary-own-2b9c' }));
      const mine = await view(ctx, 'mine');
      expect(mine.messages.map((m) => [m.direction, m.text, m.masked])).toEqual([
        ['in', 'before the adapter joined', false],
        ['out', 'canary-own-2b9c', false],
      ]);
      expect(mine.messages[1]).toMatchObject({ service: ctx.service, agent: 'mine', agentName: agents.mine });
      const theirs = await ctx.onenumber.view(asOther(ctx, 'theirs'));
      expect(theirs.messages[1]).toMatchObject({
        service: ctx.service,
        masked: true,
        text: null,
        agent: null,
        agentName: cataloguePolicy(ctx.other).showAgentName ? agents.mine : null, // R33: the other service's policy
      });
    },
  ],
  [
    "R16, R24: a reply through the adapter is sent by this service, assigns the replier, and names the conversation in the service's words",
    async (ctx) => {
      await sharedConversation(ctx);
      const v = ctx.adapter.vocabulary;
      const sent = (await ctx.adapter.reply(words(ctx.adapter, 'mine', { text: 'On its way.' }))) as unknown as Loose;
      expect(sent).toMatchObject({
        message: expect.any(String),
        [v.conversation]: expect.any(String),
        number: N1,
        [v.customer]: C1,
      });
      const seen = await view(ctx, 'mine');
      expect(seen).toMatchObject({
        [v.conversation]: sent[v.conversation],
        [v.customer]: C1,
        assignee: 'mine',
        notice: null,
      });
      expect(seen.messages.at(-1)).toMatchObject({ id: sent.message, service: ctx.service, status: 'sent' });
    },
  ],
  [
    'R22, R23: assign answers confirmation-required with the notice, and assigns with confirm',
    async (ctx) => {
      await sharedConversation(ctx);
      await ctx.onenumber.reply({ ...asOther(ctx, 'theirsBoth'), text: 'held in the other service' });
      const notice = { code: 'ASSIGNED_IN_OTHER_SERVICE', service: ctx.other, agent: agents.theirsBoth };
      expect((await view(ctx, 'both')).notice).toMatchObject(notice);
      const first = (await ctx.adapter.assign(words(ctx.adapter, 'both'))) as unknown as Loose;
      expect(first).toMatchObject({
        status: 'confirmation-required',
        notice: { ...notice, messages: { en: expect.any(String), ja: expect.any(String) } },
      });
      expect((await view(ctx, 'both')).assignee).toBeNull(); // nothing changed yet
      expect(await ctx.adapter.assign(words(ctx.adapter, 'both', { confirm: true }))).toMatchObject({
        status: 'assigned',
      });
      expect(await view(ctx, 'both')).toMatchObject({ assignee: 'both', notice: null });
      expect((await ctx.onenumber.view(asOther(ctx, 'theirsBoth'))).assignee).toBe('theirsBoth'); // R21
    },
  ],
  [
    'R22: the notice says "another agent" to a viewer without access to the other service',
    async (ctx) => {
      await sharedConversation(ctx);
      await ctx.onenumber.reply({ ...asOther(ctx, 'theirs'), text: 'held' });
      expect((await view(ctx, 'mine')).notice).toMatchObject({
        code: 'ASSIGNED_IN_OTHER_SERVICE',
        service: ctx.other,
        agent: null,
      });
      expect(await ctx.adapter.assign(words(ctx.adapter, 'mine'))).toMatchObject({ status: 'assigned' }); // R23: at once
    },
  ],
  [
    'R24: reply refusals come through typed: ASSIGNMENT_REQUIRED, then ASSIGNED_TO_ANOTHER_AGENT',
    async (ctx) => {
      await sharedConversation(ctx);
      await ctx.onenumber.reply({ ...asOther(ctx, 'theirs'), text: 'held' });
      await refusal(ctx.adapter.reply(words(ctx.adapter, 'mine', { text: 'too early' })), 'ASSIGNMENT_REQUIRED');
      await ctx.adapter.assign(words(ctx.adapter, 'mine'));
      await refusal(ctx.adapter.reply(words(ctx.adapter, 'mine2', { text: 'not mine' })), 'ASSIGNED_TO_ANOTHER_AGENT');
      const texts = (await view(ctx, 'mine')).messages.map((m) => m.text);
      expect(texts).toEqual(['Where is my order?', null]); // refusals stored nothing
    },
  ],
  [
    'R25: FORBIDDEN for an agent without access to this service; MEMBERSHIP_DISABLED and NOT_CONNECTED for the service',
    async (ctx) => {
      await sharedConversation(ctx);
      await refusal(ctx.adapter.view(words(ctx.adapter, 'theirs')), 'FORBIDDEN');
      await refusal(ctx.adapter.reply(words(ctx.adapter, 'outsider', { text: 'hi' })), 'FORBIDDEN');
      await refusal(ctx.adapter.view(words(ctx.adapter, 'nobody' as never)), 'UNKNOWN_AGENT');
      await ctx.adapter.disable(N1);
      await refusal(ctx.adapter.view(words(ctx.adapter, 'mine')), 'MEMBERSHIP_DISABLED');
      await ctx.adapter.remove(N1);
      await refusal(ctx.adapter.assign(words(ctx.adapter, 'mine')), 'NOT_CONNECTED');
    },
  ],
];
