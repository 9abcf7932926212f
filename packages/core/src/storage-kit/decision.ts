// R21..R24, R33: the decision a storage answers for one acting or viewing agent, from the facts
// it holds: the conversation's assignments and the channel's active members (its records), and
// the agents' names and access (its directory). The storage reads the asking agent's entry and,
// when another service holds the conversation (holdFor), that holder's entry; the answer carries
// only what the asking agent may see: its own service's assignee, the notice (the holder named
// only under R22's condition) and what its reply or assignment would do.
import { decideAssign } from '../assignment/decideAssign';
import { decideReply } from '../assignment/decideReply';
import {
  assigneeIn,
  decideNotice,
  otherServiceHold,
  type AgentFacts,
  type Assignment,
  type AssignmentFacts,
} from '../assignment/notice';
import type { ConversationDecision } from '../storage/records';

/** The hold that R22..R24 weigh for this agent (whose directory entry the storage then reads), or null. */
export const holdFor = (facts: AssignmentFacts, service: string, agent: string): Assignment | null =>
  otherServiceHold(facts, service, agent);

export function decideConversation(input: {
  conversation: { id: string; version: number; lastInboundAt: string | null };
  facts: AssignmentFacts;
  service: string;
  agent: string;
  /** The asking agent's directory entry; null when the directory does not know it (it has no access). */
  viewer: AgentFacts | null;
  /** The directory entry of holdFor's agent; null when there is no hold or the directory does not know it. */
  holder: AgentFacts | null;
  confirm?: boolean | undefined;
}): ConversationDecision {
  const { conversation, facts, service, agent, holder } = input;
  const access = input.viewer?.access ?? [];
  return {
    conversation: conversation.id,
    version: conversation.version,
    lastInboundAt: conversation.lastInboundAt,
    assignee: assigneeIn(facts, service),
    notice: decideNotice(facts, { id: agent, access }, service, holder),
    reply: decideReply(facts, service, agent),
    assign: decideAssign(facts, { id: agent, access }, service, input.confirm ?? false, holder),
  };
}
