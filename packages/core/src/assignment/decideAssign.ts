// R21, R23: one assignee per service. Assigning where another agent of another service holds the
// conversation needs an explicit confirmation when both agents have access to both services;
// otherwise it is done at once (and reassigning within a service is always at once).
import type { AgentEntry } from '../directory/Directory';
import type { ConversationState } from '../storage/records';
import { assigneeIn, buildNotice, otherServiceHold, type Notice } from './notice';

export type AssignDecision =
  | { kind: 'unchanged' }
  | { kind: 'assign' /** R23: done over another service's hold, with the agent's confirmation. */; confirmed: boolean }
  | { kind: 'confirmation-required'; notice: Notice };

export async function decideAssign(
  conversation: ConversationState,
  agent: AgentEntry,
  service: string,
  confirm: boolean,
  lookup: (agentId: string) => Promise<AgentEntry | null>,
): Promise<AssignDecision> {
  if (assigneeIn(conversation, service) === agent.id) return { kind: 'unchanged' };
  const hold = otherServiceHold(conversation, service, agent.id);
  if (!hold) return { kind: 'assign', confirmed: false };
  const holder = await lookup(hold.agent);
  const both = [service, hold.service];
  const crossAccess = !!holder && both.every((s) => agent.access.includes(s) && holder.access.includes(s));
  if (!crossAccess) return { kind: 'assign', confirmed: false };
  return confirm
    ? { kind: 'assign', confirmed: true }
    : { kind: 'confirmation-required', notice: buildNotice(hold, holder, agent, service) };
}
