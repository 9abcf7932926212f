// R21..R24, R33 on memory: the conversation as any member may know it (its id, the last inbound
// time), and the decision for one acting or viewing agent, made here where the facts are (the
// assignments, the active members, the memory directory's agents) by core's decideConversation.
// Only what that agent may see leaves this file.
import type { MemoryDirectory } from '@onenumber/core';
import {
  channelIn,
  decideConversation,
  holdFor,
  type ConversationDecision,
  type ConversationInfo,
  type DecisionQuery,
} from '@onenumber/core/storage-kit';
import { activeServices } from './membershipOps';
import type { MemoryState } from './state';

export function decisionOps(state: MemoryState, directory: MemoryDirectory) {
  const channelOf = (org: string, id: string) => channelIn(state.channels.get(id), org);

  return {
    async conversation(input: { org: string; channel: string; customer: string }): Promise<ConversationInfo | null> {
      const channel = channelOf(input.org, input.channel);
      const c = channel.conversations.get(input.customer);
      return c ? { id: c.id, channel: channel.id, customer: c.customer, lastInboundAt: c.lastInboundAt } : null;
    },

    async decide(query: DecisionQuery): Promise<ConversationDecision | null> {
      const channel = channelOf(query.org, query.channel);
      const c = channel.conversations.get(query.customer);
      if (!c) return null;
      // Read at once, before the directory is asked: the version guards what was decided (CONFLICT).
      const conversation = { id: c.id, version: c.version, lastInboundAt: c.lastInboundAt };
      const facts = { assignments: c.assignments.map((a) => ({ ...a })), activeServices: activeServices(channel) };
      const hold = holdFor(facts, query.service, query.agent);
      const [viewer, holder] = await Promise.all([
        directory.agent(query.org, query.agent),
        hold ? directory.agent(query.org, hold.agent) : null,
      ]);
      return decideConversation({ ...query, conversation, facts, viewer, holder });
    },
  };
}
