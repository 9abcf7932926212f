// Conformance (R21..R25, R33): R22..R24 are decided where the facts are. The storage answers an
// agent's decision from its records and its directory, with only what that agent may see:
// another service's holder is named only to an agent with access to that service (R22), never by
// id, and no conversation read, timeline entry or decision carries another service's assignee.
import { expect } from 'vitest';
import type { Case, SuiteContext } from './describeStorage';
import { agents, at, codeOf, connectAll, decisionFor, freshNumber, inbound, replyAs } from './fixtures';

const customer = '+819012345678';
/** Distinctive ids and names, so that a leak shows in any JSON. */
const holder = { id: 'holder-7f3a', name: 'Hana Holder' };

/** crm, desk (and salesiq) on a number, one inbound, and the conversation held in crm by `holder` (R24: a reply assigns). */
async function heldInCrm({ storage, directory }: SuiteContext, services = ['crm', 'desk', 'salesiq']) {
  await directory.setAgent({ org: 'acme', id: holder.id, name: holder.name, access: ['crm'] });
  await agents(directory, 'acme', { b: ['desk'], c: ['desk', 'crm'], d: ['desk', 'crm'], s: ['salesiq'] });
  const number = freshNumber();
  const [crm] = await connectAll(storage, 'acme', number, services);
  await inbound(storage, number, customer, 'hello');
  await replyAs(storage, 'acme', crm!.channel, customer, 'crm', holder.id, 'held');
  return { number, where: { org: 'acme', channel: crm!.channel, customer } };
}

export const decisionTests: Case[] = [
  [
    "R22, R33: another service's holder is named only to an agent with access to that service, and never by id",
    async (ctx) => {
      const { where } = await heldInCrm(ctx);
      const unnamed = await decisionFor(ctx.storage, where, 'desk', 'b');
      expect(unnamed).toMatchObject({
        assignee: null,
        notice: { code: 'ASSIGNED_IN_OTHER_SERVICE', service: 'crm', agent: null },
      });
      expect(unnamed.notice!.messages.en).toContain('another agent');
      const named = await decisionFor(ctx.storage, where, 'desk', 'c');
      expect(named.notice).toMatchObject({ service: 'crm', agent: holder.name });
      expect(named.notice!.messages.en).toContain(holder.name);
      for (const decision of [unnamed, named]) expect(JSON.stringify(decision)).not.toContain(holder.id);
      expect(JSON.stringify(unnamed)).not.toContain(holder.name);
      // The holder's own service sees its assignee (R21), and no notice.
      expect(await decisionFor(ctx.storage, where, 'crm', 'c')).toMatchObject({ assignee: holder.id, notice: null });
    },
  ],
  [
    'R24: the decision says whether the agent may reply, and whether replying assigns it',
    async (ctx) => {
      const { where } = await heldInCrm(ctx);
      expect((await decisionFor(ctx.storage, where, 'desk', 'b')).reply).toEqual({
        ok: false,
        reason: 'ASSIGNMENT_REQUIRED',
      });
      expect((await decisionFor(ctx.storage, where, 'crm', holder.id)).reply).toEqual({ ok: true, assigns: false });
      expect((await decisionFor(ctx.storage, where, 'crm', 'c')).reply).toEqual({
        ok: false,
        reason: 'ASSIGNED_TO_ANOTHER_AGENT',
      });
      // Held by the same agent in another service: not a hold for that agent (R22).
      const d = await decisionFor(ctx.storage, where, 'desk', holder.id);
      expect(d).toMatchObject({ notice: null, reply: { ok: true, assigns: true } });
    },
  ],
  [
    'R23: a confirmation only when both agents have access to both services; with confirm the assignment is confirmed',
    async (ctx) => {
      const { where } = await heldInCrm(ctx);
      // The holder has crm only: no cross access, so desk's c assigns at once.
      expect((await decisionFor(ctx.storage, where, 'desk', 'c')).assign).toEqual({ kind: 'assign', confirmed: false });
      // Now held in crm by d (desk and crm), and c (desk and crm) asks in desk.
      const current = await decisionFor(ctx.storage, where, 'crm', 'd');
      await ctx.storage.setAssignment({
        org: where.org,
        channel: where.channel,
        conversation: current.conversation,
        expectedVersion: current.version,
        service: 'crm',
        agent: 'd',
        at: at(3),
      });
      const asked = await decisionFor(ctx.storage, where, 'desk', 'c');
      expect(asked.assign).toMatchObject({
        kind: 'confirmation-required',
        notice: { code: 'ASSIGNED_IN_OTHER_SERVICE', service: 'crm', agent: 'Agent D' },
      });
      expect((await decisionFor(ctx.storage, where, 'desk', 'c', true)).assign).toEqual({
        kind: 'assign',
        confirmed: true,
      });
      expect((await decisionFor(ctx.storage, where, 'crm', 'd')).assign).toEqual({ kind: 'unchanged' });
    },
  ],
  [
    'R23: a hold by a service whose membership is not active counts for nothing; the directory is read when deciding',
    async (ctx) => {
      const { number, where } = await heldInCrm(ctx);
      await ctx.directory.setAgent({ org: 'acme', id: 'b', name: 'Agent B', access: ['desk', 'crm'] });
      expect((await decisionFor(ctx.storage, where, 'desk', 'b')).notice).toMatchObject({ agent: holder.name });
      await ctx.storage.changeMembership({ org: 'acme', number, service: 'crm', action: 'disable', at: at(4) });
      expect(await decisionFor(ctx.storage, where, 'desk', 'b')).toMatchObject({
        notice: null,
        reply: { ok: true, assigns: true },
        assign: { kind: 'assign', confirmed: false },
      });
    },
  ],
  [
    "R25, R33: no decision before the customer's first message; none for a channel of another org; a conversation read holds no assignment",
    async (ctx) => {
      const { where } = await heldInCrm(ctx);
      expect(await ctx.storage.decide({ ...where, customer: '+819000000001', service: 'desk', agent: 'b' })).toBeNull();
      expect(await codeOf(ctx.storage.decide({ ...where, org: 'other', service: 'desk', agent: 'b' }))).toBe(
        'NOT_CONNECTED',
      );
      const read = await ctx.storage.conversation(where);
      expect(Object.keys(read!).sort()).toEqual(['channel', 'customer', 'id', 'lastInboundAt']);
      expect(JSON.stringify(read)).not.toContain(holder.id);
    },
  ],
  [
    "R33: the timeline names a reader's own agents only: another service's assignee reads as null",
    async (ctx) => {
      if (!ctx.storage.timeline) return ctx.skip('this storage has no timeline capability');
      const { where } = await heldInCrm(ctx, ['desk', 'crm']);
      const assigned = async (service: string) =>
        (await ctx.storage.timeline!({ org: 'acme', channel: where.channel, service })).filter(
          (e) => e.what === 'assigned',
        );
      expect(await assigned('crm')).toMatchObject([{ service: 'crm', agent: holder.id, why: 'reply' }]);
      expect(await assigned('desk')).toMatchObject([{ service: 'crm', agent: null, why: 'reply' }]);
      const desk = await ctx.storage.timeline({ org: 'acme', channel: where.channel, service: 'desk' });
      expect(JSON.stringify(desk)).not.toContain(holder.id);
    },
  ],
];
