// R24, R25 and the 24-hour window: everything a reply needs before it is written, shared by
// `reply` (which then writes) and `canReply` (which only answers, so a UI can explain itself).
import { decideReply } from '../assignment/decideReply';
import { windowOpen } from '../channel/window';
import type { AgentEntry } from '../directory/Directory';
import { OneNumberError } from '../errors';
import type { ConversationState, MembershipRecord } from '../storage/records';
import { requireActingMember, requireConversation, type Context } from './context';

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
  conversation: ConversationState;
  /** R24: the reply also makes the replier the assignee in this service. */
  assign: boolean;
}

export async function checkReply(ctx: Context, target: ReplyTarget): Promise<ReplyPlan> {
  const { agent, membership } = await requireActingMember(ctx, target.org, target.agent, target.number, target.service);
  const conversation = await requireConversation(ctx, target.org, membership.channel, target.customer);
  const { assign } = decideReply(conversation, target.service, agent.id);
  if (!windowOpen(conversation.lastInboundAt, ctx.now())) {
    throw new OneNumberError(
      'WINDOW_CLOSED',
      "The customer's last message is more than 24 hours old: a free-form reply cannot go out. Send an approved template instead.",
      { details: { templateAllowed: true, lastInboundAt: conversation.lastInboundAt } },
    );
  }
  return { agent, membership, conversation, assign };
}
