// Issue 21, written once for every dialect: a channel's conversations as one service lists them.
// One read: the channel's conversations and their last activity, core's page of them, and for
// each on the page its last message (projected with the policy in force for the service, R18,
// R20, R33), the service's own assignee (R21, R33) and its unread count after its marker (R39).
import {
  assigneeIn,
  pageConversations,
  summarizeConversation,
  viewerIn,
  type ConversationListQuery,
  type ConversationPage,
} from '@onenumber/core/storage-kit';
import { guarded } from '../common/errors';
import { policyOf } from '../common/rows';
import type { Runner } from '../port/runner';
import { all, one, type Steps } from '../port/steps';
import { channelIn } from './facts';

function* conversations(query: ConversationListQuery): Steps<ConversationPage> {
  const channel = yield* channelIn(query.org, query.channel);
  const policy = policyOf(viewerIn(yield* one('membershipInChannel', channel.id, query.service)));
  const listed = (yield* all('conversationsOfChannel', channel.id)).map((c) => ({
    id: c.id,
    customer: c.customer,
    lastActivityAt: c.last_at,
  }));
  const { page, next } = pageConversations(listed, query.after, query.limit);
  const summaries = [];
  for (const conversation of page) {
    const marker = (yield* one('readMarkerOf', conversation.id, query.service))?.pos ?? -1;
    const assignments = yield* all('assignmentsOf', conversation.id);
    summaries.push(
      summarizeConversation({
        conversation,
        service: query.service,
        policy,
        last: (yield* one('lastStoredOf', conversation.id)) ?? null,
        assignee: assigneeIn({ assignments, activeServices: [] }, query.service), // its own only
        unread: (yield* one('unreadAfter', conversation.id, marker))?.count ?? 0,
      }),
    );
  }
  return { conversations: summaries, next };
}

export function listStore(db: Runner) {
  return {
    conversations: (query: ConversationListQuery): Promise<ConversationPage> =>
      guarded(() => db.read(() => conversations(query))),
  };
}
