// The server never trusts the facts a service asserts (docs/rules.md, Directory): it re-reads
// them from the stored directory. R1..R5 on connect (mode and reason re-derived, the number
// verified), R25 on replies and assignments (the agent exists here with access to the service,
// and its display name comes from the directory), R9, R25, R26 on what a service token may do in
// a channel (read through ServerDatabase.membershipInChannel: one cheap read, no write), and
// R17 on delivery statuses (WhatsApp's facts: the webhook and the admin report them), and R33 on
// decisions (asked for an agent of the token's service, who must have access to it).
import { OneNumberError } from '@onenumber/core';
import {
  decideEligibility,
  subscriptionOf,
  type AssignmentRecord,
  type ConnectRecord,
  type DecisionQuery,
  type InboundRecord,
  type MarkReadRecord,
  type ConversationListQuery,
  type ReplyRecord,
  type ViewQuery,
} from '@onenumber/core/storage-kit';
import type { Principal, ServerDatabase } from '../db/ServerDatabase';

type ServicePrincipal = Extract<Principal, { kind: 'service' }>;

export function createGuards(db: Pick<ServerDatabase, 'directory' | 'storage' | 'membershipInChannel'>) {
  const { directory, storage } = db;

  async function requireAgentFor(org: string, id: string, service: string) {
    const agent = await directory.agent(org, id);
    if (!agent?.access.includes(service)) {
      throw new OneNumberError('FORBIDDEN', `Agent "${id}" has no access to ${service} in this org.`, {
        field: 'agent',
      });
    }
    return agent;
  }

  /**
   * R25, R26: a service acts only in a channel it is an active member of (never in another
   * service's isolated channel, nor in one where its membership is disabled).
   */
  async function requireActiveMember(record: { org: string; channel: string; service: string }) {
    const membership = await db.membershipInChannel({
      org: record.org,
      channel: record.channel,
      service: record.service,
    });
    if (!membership)
      throw new OneNumberError('NOT_CONNECTED', `${record.service} is not a member of that channel.`, {
        field: 'channel',
      });
    if (membership.state !== 'active')
      throw new OneNumberError(
        'MEMBERSHIP_DISABLED',
        `${record.service}'s membership in that channel is disabled: enable it first.`,
        { field: 'service' },
      );
    return membership;
  }

  return {
    /** R1..R5: the mode and reason must be the ones the stored directory gives; the number must be verified. */
    async connect(record: ConnectRecord): Promise<ConnectRecord> {
      const org = await directory.org(record.org);
      if (!org)
        throw new OneNumberError('UNKNOWN_ORG', `No org "${record.org}" in the directory. An admin adds it first.`, {
          field: 'org',
        });
      const facts = await directory.number(record.number);
      if (!facts?.verified)
        throw new OneNumberError(
          'NUMBER_NOT_VERIFIED',
          `${record.number} is not verified. Verify it with WhatsApp, then connect again.`,
        );
      const { mode, reason } = decideEligibility({
        plan: org.plan,
        service: record.service,
        subscription: subscriptionOf(org.plan, record.service, org.services),
      });
      if (mode !== record.mode || reason !== record.reason) {
        throw new OneNumberError(
          'FORBIDDEN',
          `The directory gives ${record.service} mode "${mode}" (${reason}), not "${record.mode}" (${record.reason}).`,
          { field: 'mode' },
        );
      }
      return record;
    },

    /** R25: the agent acts here, in this service; its name is the directory's, not the caller's. */
    async appendReply(record: ReplyRecord): Promise<ReplyRecord> {
      const agent = await requireAgentFor(record.org, record.agent, record.service);
      await requireActiveMember(record);
      return { ...record, agentName: agent.name };
    },

    async setAssignment(record: AssignmentRecord): Promise<AssignmentRecord> {
      if (record.agent !== null) await requireAgentFor(record.org, record.agent, record.service);
      await requireActiveMember(record);
      return record;
    },

    /** R19, R25: a service token reads a conversation's history only as an active member. */
    async view(query: ViewQuery): Promise<ViewQuery> {
      await requireActiveMember(query);
      return query;
    },

    /** R5, R15, R25: a service reports inbound only on a number it is an active member on, in its own org. */
    async receive(record: InboundRecord, principal: ServicePrincipal): Promise<InboundRecord> {
      const membership = await storage.findMembership({
        org: principal.org,
        number: record.number,
        service: principal.service,
      });
      if (!membership)
        throw new OneNumberError(
          'FORBIDDEN',
          `This token may report inbound messages only on numbers ${principal.service} is connected to.`,
          { field: 'number' },
        );
      if (membership.state !== 'active')
        throw new OneNumberError(
          'MEMBERSHIP_DISABLED',
          `${principal.service}'s membership on ${record.number} is disabled: enable it first.`,
          { field: 'number' },
        );
      return record;
    },

    /** R9: only the parent reads a channel's timeline (a disabled membership is never the parent, R11). */
    async requireParent(org: string, channel: string, service: string): Promise<void> {
      const membership = await requireActiveMember({ org, channel, service });
      if (membership.role !== 'parent')
        throw new OneNumberError('NOT_PARENT', `Only the channel's parent reads its timeline; ${service} is a child.`);
    },

    /**
     * R17: delivery statuses are WhatsApp's facts. They arrive signed on the webhook, which stores
     * them itself; a service token could otherwise mark another service's reply read or failed.
     */
    updateStatus(): never {
      throw new OneNumberError(
        'FORBIDDEN',
        'Delivery statuses come from the WhatsApp webhook; only the admin token may report one.',
      );
    },

    /** R25, R26: a conversation is read only by an active member of its channel. */
    async conversation<Q extends { org: string; channel: string }>(query: Q, principal: ServicePrincipal): Promise<Q> {
      await requireActiveMember({ ...query, service: principal.service });
      return query;
    },

    /**
     * R25, R33: a decision is asked for an agent of the service (FORBIDDEN otherwise: a token
     * cannot learn about another service's agents through it), by an active member of the channel.
     */
    /** Issue 21, R25, R26: a service lists the conversations of a channel it is an active member of. */
    async conversations(query: ConversationListQuery): Promise<ConversationListQuery> {
      await requireActiveMember(query);
      return query;
    },

    /** R25, R39: any agent of the service with access to it, in a channel it is an active member of. */
    async markRead(record: MarkReadRecord): Promise<MarkReadRecord> {
      await requireAgentFor(record.org, record.agent, record.service);
      await requireActiveMember(record);
      return record;
    },

    async decide(query: DecisionQuery): Promise<DecisionQuery> {
      await requireAgentFor(query.org, query.agent, query.service);
      await requireActiveMember(query);
      return query;
    },
  };
}

export type Guards = ReturnType<typeof createGuards>;
