// The server never trusts the facts a service asserts (behaviour.md, Directory): it re-reads
// them from the stored directory. R1..R5 on connect (mode and reason re-derived, the number
// verified), R25 on replies and assignments (the agent exists here with access to the service,
// and its display name comes from the directory), R25/R26 on reads of a conversation.
import {
  OneNumberError, decideEligibility, subscriptionOf,
  type AssignmentRecord, type ChannelStorage, type ConnectRecord, type ConversationState, type InboundRecord, type ReplyRecord,
} from '@onenumber/core';
import type { Principal, StoredDirectory } from '../db/ServerDatabase';

type ServicePrincipal = Extract<Principal, { kind: 'service' }>;

export function createGuards(directory: StoredDirectory, storage: ChannelStorage) {
  async function requireAgentFor(org: string, id: string, service: string) {
    const agent = await directory.agent(org, id);
    if (!agent || !agent.access.includes(service)) {
      throw new OneNumberError('FORBIDDEN', `Agent "${id}" has no access to ${service} in this org.`, { field: 'agent' });
    }
    return agent;
  }

  /**
   * R25, R26: a service writes only into a channel it is a member of (never another service's
   * isolated channel). The storage has no read of a membership by channel, so this reads the
   * conversation as that service, which the storage refuses (NOT_CONNECTED) for a non-member.
   */
  async function requireMember(record: { org: string; channel: string; conversation: string; service: string }): Promise<void> {
    await storage.view({ org: record.org, channel: record.channel, conversation: record.conversation, service: record.service });
  }

  return {
    /** R1..R5: the mode and reason must be the ones the stored directory gives; the number must be verified. */
    async connect(record: ConnectRecord): Promise<ConnectRecord> {
      const org = await directory.org(record.org);
      if (!org) throw new OneNumberError('UNKNOWN_ORG', `No org "${record.org}" in the directory. An admin adds it first.`, { field: 'org' });
      const facts = await directory.number(record.number);
      if (!facts?.verified) throw new OneNumberError('NUMBER_NOT_VERIFIED', `${record.number} is not verified. Verify it with WhatsApp, then connect again.`);
      const { mode, reason } = decideEligibility({ plan: org.plan, service: record.service, subscription: subscriptionOf(org.plan, record.service, org.services) });
      if (mode !== record.mode || reason !== record.reason) {
        throw new OneNumberError('FORBIDDEN', `The directory gives ${record.service} mode "${mode}" (${reason}), not "${record.mode}" (${record.reason}).`, { field: 'mode' });
      }
      return record;
    },

    /** R25: the agent acts here, in this service; its name is the directory's, not the caller's. */
    async appendReply(record: ReplyRecord): Promise<ReplyRecord> {
      const agent = await requireAgentFor(record.org, record.agent, record.service);
      await requireMember(record);
      return { ...record, agentName: agent.name };
    },

    async setAssignment(record: AssignmentRecord): Promise<AssignmentRecord> {
      if (record.agent !== null) await requireAgentFor(record.org, record.agent, record.service);
      await requireMember(record);
      return record;
    },

    /** R5, R15: a service reports inbound only on a number it is connected to in its own org. */
    async receive(record: InboundRecord, principal: ServicePrincipal): Promise<InboundRecord> {
      const membership = await storage.findMembership({ org: principal.org, number: record.number, service: principal.service });
      if (!membership) throw new OneNumberError('FORBIDDEN', `This token may report inbound messages only on numbers ${principal.service} is connected to.`, { field: 'number' });
      return record;
    },

    /**
     * R9: only the parent reads a channel's timeline. The storage has no read of a channel by id,
     * so this asks it to merge no settings as `service`: refused (NOT_PARENT, NOT_CONNECTED) unless
     * `service` is the channel's parent in `org`, and changes nothing.
     */
    async requireParent(org: string, channel: string, service: string): Promise<void> {
      await storage.configure({ org, channel, service, settings: {} });
    },

    /** R25, R26: a conversation's state is read only by an active member of its channel. */
    conversationResult(state: ConversationState | null, principal: ServicePrincipal): ConversationState | null {
      if (state && !state.activeServices.includes(principal.service)) {
        throw new OneNumberError('FORBIDDEN', `${principal.service} is not an active member of that channel.`, { field: 'channel' });
      }
      return state;
    },
  };
}

export type Guards = ReturnType<typeof createGuards>;
