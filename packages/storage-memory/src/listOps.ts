// Issue 21 on memory: a channel's conversations as one service lists them. Core pages them and
// projects each (pageConversations, summarizeConversation); this file reads the records.
import type { MemoryDirectory } from '@onenumber/core';
import {
  assigneeIn,
  channelIn,
  pageConversations,
  summarizeConversation,
  unreadAfter,
  viewerIn,
  type ConversationListQuery,
  type ConversationPage,
} from '@onenumber/core/storage-kit';
import type { MemoryState } from './state';

export function listOps(state: MemoryState, directory: MemoryDirectory) {
  return {
    async conversations(query: ConversationListQuery): Promise<ConversationPage> {
      const channel = channelIn(state.channels.get(query.channel), query.org);
      viewerIn(channel.memberships.get(query.service));
      const listed = [...channel.conversations.values()]
        .filter((c) => c.messages.length > 0)
        .map((c) => ({ id: c.id, customer: c.customer, lastActivityAt: c.messages.at(-1)!.at, row: c }));
      const { page, next } = pageConversations(listed, query.after, query.limit);
      const policy = directory.policyOf(channel.org, query.service); // R33: the policy in force
      const conversations = page.map(({ row, ...conversation }) => {
        const inbound = row.messages.flatMap((m, i) => (m.direction === 'in' ? [i] : []));
        return summarizeConversation({
          conversation,
          service: query.service,
          policy,
          last: row.messages.at(-1) ?? null,
          assignee: assigneeIn({ assignments: row.assignments, activeServices: [] }, query.service), // its own only
          unread: unreadAfter(row.readMarkers?.get(query.service) ?? null, inbound),
        });
      });
      return { conversations, next };
    },
  };
}
