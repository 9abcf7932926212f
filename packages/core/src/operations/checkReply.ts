// R24, R25 and the 24-hour window: everything a reply needs before it is written, shared by
// `reply` (which then writes) and `canReply` (which only answers, so a UI can explain itself).
import { windowOpen } from '../channel/window';
import type { AgentEntry } from '../directory/Directory';
import { OneNumberError } from '../errors';
import type { ConversationDecision, MembershipRecord } from '../storage/records';
import { requireActingMember, requireDecision, type Context } from './context';

export interface ReplyTarget {
  org: string;
  service: string;
  agent: string;
  number: string;
  customer: string;
}

export interface ReplyPlan {
  agent: AgentEntry;
  membership: MembershipRecord;
  /** The storage's decision for the replier (R24, R33): the conversation and the version it was made on. */
  decision: ConversationDecision;
  /** R24: the reply also makes the replier the assignee in this service. */
  assign: boolean;
}

export async function checkReply(ctx: Context, target: ReplyTarget): Promise<ReplyPlan> {
  const { agent, membership } = await requireActingMember(ctx, target.org, target.agent, target.number, target.service);
  const decision = await requireDecision(ctx, {
    org: target.org,
    channel: membership.channel,
    customer: target.customer,
    service: target.service,
    agent: agent.id,
  });
  if (!decision.reply.ok) throw new OneNumberError(decision.reply.reason);
  if (!windowOpen(decision.lastInboundAt, ctx.now())) {
    throw new OneNumberError(
      'WINDOW_CLOSED',
      "The customer's last message is more than 24 hours old: a free-form reply cannot go out. Send an approved template instead.",
      { details: { templateAllowed: true, lastInboundAt: decision.lastInboundAt } },
    );
  }
  return { agent, membership, decision, assign: decision.reply.assigns };
}
