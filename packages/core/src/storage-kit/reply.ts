// R16, R17, R21..R24, R38: a reply is stored `pending` where a transport sends it (the provider's
// acceptance moves it to `sent`), `sent` at once where none does, and goes to every active member,
// masked for the others by projectEvent. The conversation's version guards the assignment
// decision: a reply that assigns its sender (R24) moves it on; one that does not only checks it,
// so replies of one service never conflict with each other.
import type { StoredMessage } from '../masking/message';
import type { ReplyRecord } from '../storage/records';
import type { Announcement, Place } from './announcement';
import { assignmentEffects, type AssignmentEffects } from './assignment';
import { recipientsOf, type MembershipFacts } from './members';

/** Where the storage's replies go (R38): a configured transport sends them, or none does. */
export interface ReplyRoute {
  transport: boolean;
}

/** The record to store (the storage gives the id), and how far the conversation's version moves. */
export function planReply(
  input: ReplyRecord,
  route: ReplyRoute = { transport: false },
): { message: Omit<StoredMessage, 'id'>; versionStep: 0 | 1 } {
  return {
    versionStep: input.assign ? 1 : 0,
    message: {
      channel: input.channel,
      conversation: input.conversation,
      direction: 'out',
      service: input.service,
      agent: input.agent,
      agentName: input.agentName,
      type: input.type,
      text: input.text,
      raw: input.raw ?? null,
      status: route.transport ? 'pending' : 'sent',
      error: null,
      providerId: null,
      at: input.at,
    },
  };
}

/** What the stored reply causes: the replier's assignment when it assigns (first), then messageSent. */
export function replyEffects(input: {
  place: Place;
  customer: string;
  message: StoredMessage;
  assign: boolean;
  memberships: readonly MembershipFacts[];
}): { assignment: AssignmentEffects | null; announcement: Announcement } {
  const { place, message } = input;
  const assignment = input.assign
    ? assignmentEffects({
        place,
        conversation: { id: message.conversation, customer: input.customer },
        service: message.service!,
        agent: message.agent,
        why: 'reply',
        memberships: input.memberships,
      })
    : null;
  return {
    assignment,
    announcement: {
      place,
      change: { type: 'message', message, customer: input.customer },
      recipients: recipientsOf(input.memberships),
    },
  };
}
