// R21, R23, R25: assigning a conversation to oneself in one service.
import type { Notice } from '../assignment/notice';
import { parseInput } from '../validate';
import { timelineDraft } from '../storage/timeline';
import { requireActingMember, requireDecision, withRetry, type Context } from './context';
import { assignInputSchema, type AssignInput } from './schemas';

export type AssignResult = { status: 'assigned' } | { status: 'confirmation-required'; notice: Notice };

export async function assign(ctx: Context, input: AssignInput): Promise<AssignResult> {
  const { org, service, agent: agentId, number: raw, customer, confirm } = parseInput(assignInputSchema, input);
  const { agent, membership } = await requireActingMember(ctx, org, agentId, raw, service);
  return withRetry(async (): Promise<AssignResult> => {
    // R23, R33: decided by the storage for this agent, where the holder's facts are.
    const { assign: decision, ...conversation } = await requireDecision(ctx, {
      org,
      channel: membership.channel,
      customer,
      service,
      agent: agent.id,
      confirm,
    });
    if (decision.kind === 'confirmation-required') {
      // Issue 9: the timeline shows that a confirmation was asked for, and of whom.
      await ctx.storage.note?.({
        org,
        entry: timelineDraft({
          channel: membership.channel,
          at: ctx.now(),
          what: 'confirmation-requested',
          service,
          agent: agent.id,
          why: `held-in-${decision.notice.service}`,
        }),
      });
      return { status: 'confirmation-required', notice: decision.notice };
    }
    if (decision.kind === 'assign') {
      await ctx.storage.setAssignment({
        org,
        channel: membership.channel,
        conversation: conversation.conversation,
        expectedVersion: conversation.version,
        service,
        agent: agent.id,
        at: ctx.now(),
        cause: decision.confirmed ? 'confirmed' : 'assign',
      });
    }
    return { status: 'assigned' };
  });
}
