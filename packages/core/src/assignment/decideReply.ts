// R24: a reply needs the replier to be the assignee in that service. Unassigned and not held in
// another service: replying assigns it. Held in another service: assign first (R23). Held by
// another agent of the same service: refused (reported first when both apply).
import { assigneeIn, otherServiceHold, type AssignmentFacts } from './notice';

export type ReplyDecision =
  | { ok: true /** R24: the reply also makes the replier the assignee in this service. */; assigns: boolean }
  | { ok: false; reason: 'ASSIGNED_TO_ANOTHER_AGENT' | 'ASSIGNMENT_REQUIRED' };

export function decideReply(facts: AssignmentFacts, service: string, agent: string): ReplyDecision {
  const assignee = assigneeIn(facts, service);
  if (assignee === agent) return { ok: true, assigns: false };
  if (assignee) return { ok: false, reason: 'ASSIGNED_TO_ANOTHER_AGENT' };
  if (otherServiceHold(facts, service, agent)) return { ok: false, reason: 'ASSIGNMENT_REQUIRED' };
  return { ok: true, assigns: true };
}
