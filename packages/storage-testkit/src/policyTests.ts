// Conformance (R18, R33): policies are the server's. Nothing at connect chooses one: the
// catalogue gives each service its policy, and the admin's override for an org and service
// stands over it from then on (views at once; events as they happen, so earlier ones stay as they
// were sent). A policy covers the sending agent's name only: never the text nor the agent's id,
// and the R22 notice follows R22 alone.
import type { ChannelEvent, MessageView } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case, SuiteContext } from './describeStorage';
import { agents, connectAll, connectRecord, decisionFor, freshNumber, inbound, replyAs } from './fixtures';

const customer = '+819012345678';

/** desk, crm, salesiq and campaigns on a number; one inbound; desk's agent b replies (canary text). */
async function deskReplied({ storage, directory }: SuiteContext, org = 'acme') {
  await agents(directory, org, { b: ['desk'], s: ['salesiq'], x: ['campaigns'] });
  const number = freshNumber();
  const [desk] = await connectAll(storage, org, number, ['desk', 'crm', 'salesiq', 'campaigns']);
  await inbound(storage, number, customer, 'question');
  const channel = desk!.channel;
  const reply = (text: string) => replyAs(storage, org, channel, customer, 'desk', 'b', text);
  await reply('canary-policy-1');
  const conversation = (await storage.conversation({ org, channel, customer }))!.id;
  /** The last desk reply as `service` sees it in a view. */
  const seen = async (service: string): Promise<MessageView> =>
    (await storage.view({ org, channel, conversation, service })).at(-1)!;
  /** The messageSent events `service` received. */
  const sent = async (service: string) =>
    (await storage.events({ org, service })).filter(
      (e): e is Extract<ChannelEvent, { type: 'messageSent' }> => e.type === 'messageSent',
    );
  return { number, channel, reply, seen, sent };
}

export const policyTests: Case[] = [
  [
    "R33: the catalogue's policies apply with none chosen at connect: CRM sees the sending agent's name, Desk, SalesIQ and any other service neither",
    async (ctx) => {
      const { seen, sent } = await deskReplied(ctx);
      expect(await seen('crm')).toMatchObject({ masked: true, text: null, agent: null, agentName: 'Agent B' });
      for (const service of ['salesiq', 'campaigns'])
        expect(await seen(service)).toMatchObject({ masked: true, text: null, agent: null, agentName: null });
      expect((await sent('crm'))[0]!.message).toMatchObject({ agentName: 'Agent B', text: null, agent: null });
      expect((await sent('salesiq'))[0]!.message).toMatchObject({ agentName: null, text: null, agent: null });
    },
  ],
  [
    "R33: the admin tightens or loosens a service's policy per org: views at once, events from then on; null goes back to the catalogue",
    async (ctx) => {
      const { reply, seen, sent } = await deskReplied(ctx);
      await ctx.directory.setPolicy('acme', 'salesiq', { showAgentName: true }); // looser
      await ctx.directory.setPolicy('acme', 'crm', { showAgentName: false }); // tighter
      expect((await seen('salesiq')).agentName).toBe('Agent B');
      expect((await seen('crm')).agentName).toBeNull();
      await reply('canary-policy-2');
      // Events are sent as they happen: the first reply's as the policy was then, the second's as it is now.
      expect((await sent('salesiq')).map((e) => e.message.agentName)).toEqual([null, 'Agent B']);
      expect((await sent('crm')).map((e) => e.message.agentName)).toEqual(['Agent B', null]);
      await ctx.directory.setPolicy('acme', 'crm', null);
      expect((await seen('crm')).agentName).toBe('Agent B');
      // Another org keeps the catalogue's policies.
      const beta = await deskReplied(ctx, 'beta');
      expect((await beta.seen('salesiq')).agentName).toBeNull();
      expect((await beta.seen('crm')).agentName).toBe('Agent B');
    },
  ],
  [
    "R33, R20: a policy shows at most the agent's name: never the text or the agent's id, and the R22 notice follows R22 alone",
    async (ctx) => {
      await ctx.directory.setPolicy('acme', 'salesiq', { showAgentName: true });
      const { number, channel, seen, sent } = await deskReplied(ctx);
      const view = await seen('salesiq');
      expect(view).toMatchObject({ masked: true, text: null, raw: null, agent: null, agentName: 'Agent B' });
      expect(JSON.stringify([view, await sent('salesiq')])).not.toContain('canary-policy-1');
      // s has no access to desk: the notice does not name desk's holder, whatever salesiq's policy shows.
      const decision = await decisionFor(ctx.storage, { org: 'acme', channel, customer }, 'salesiq', 's');
      expect(decision.notice).toMatchObject({ service: 'desk', agent: null });
      expect(JSON.stringify(decision)).not.toContain('Agent B');
      // A policy set before a service connects applies to it from the start.
      await ctx.directory.setPolicy('acme', 'survey', { showAgentName: true });
      await ctx.storage.connect(connectRecord('acme', number, 'survey'));
      expect((await seen('survey')).agentName).toBe('Agent B');
    },
  ],
];
