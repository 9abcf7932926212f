// R24: a reply needs the replier to be the assignee in that service. Unassigned and not held in
// another service: replying assigns it. Held in another service: assign first (R23). Held by
// another agent of the same service: refused.
import { OneNumberError } from '../errors';
import type { ConversationState } from '../storage/records';
import { assigneeIn, otherServiceHold } from './notice';

/** Returns whether the reply also assigns the replier; throws the refusal otherwise. */
export function decideReply(conversation: ConversationState, service: string, agent: string): { assign: boolean } {
  const assignee = assigneeIn(conversation, service);
  if (assignee === agent) return { assign: false };
  if (assignee) throw new OneNumberError('ASSIGNED_TO_ANOTHER_AGENT');
  if (otherServiceHold(conversation, service, agent)) throw new OneNumberError('ASSIGNMENT_REQUIRED');
  return { assign: true };
}
