// R21, R23: one assignee per service. Assigning where another agent of another service holds the
// conversation needs an explicit confirmation when both agents have access to both services;
// otherwise it is done at once (and reassigning within a service is always at once).
import {
  assigneeIn,
  buildNotice,
  otherServiceHold,
  type AgentFacts,
  type AssignmentFacts,
  type Notice,
} from './notice';

export type AssignDecision =
  | { kind: 'unchanged' }
  | { kind: 'assign' /** R23: done over another service's hold, with the agent's confirmation. */; confirmed: boolean }
  | { kind: 'confirmation-required'; notice: Notice };

/** `agent` acts in `service`; `holder` is the directory entry of otherServiceHold's agent (null: none or unknown). */
export function decideAssign(
  facts: AssignmentFacts,
  agent: { id: string; access: readonly string[] },
  service: string,
  confirm: boolean,
  holder: AgentFacts | null,
): AssignDecision {
  if (assigneeIn(facts, service) === agent.id) return { kind: 'unchanged' };
  const hold = otherServiceHold(facts, service, agent.id);
  if (!hold) return { kind: 'assign', confirmed: false };
  const both = [service, hold.service];
  const crossAccess = !!holder && both.every((s) => agent.access.includes(s) && holder.access.includes(s));
  if (!crossAccess) return { kind: 'assign', confirmed: false };
  return confirm
    ? { kind: 'assign', confirmed: true }
    : { kind: 'confirmation-required', notice: buildNotice(hold, holder, agent.access, service) };
}
