// R12, R13, R15..R21, R24, R26 on memory: messages, assignments, views and delivery reports.
import {
  OneNumberError,
  advanceStatus,
  assertStorableMessage,
  projectMessage,
  type AssignmentRecord,
  type ChannelSettings,
  type ConversationState,
  type InboundOutcome,
  type InboundRecord,
  type MessageView,
  type ReplyRecord,
  type StatusRecord,
  type StoredMessage,
  type ViewQuery,
} from '@onenumber/core';
import type { EventLog } from './eventLog';
import { record } from './timelineOps';
import { activeServices } from './membershipOps';
import type { ChannelRow, ConversationRow, MemoryState } from './state';

export function messageOps(state: MemoryState, log: EventLog) {
  function channelOf(org: string, id: string): ChannelRow {
    const channel = state.channels.get(id);
    if (!channel || channel.org !== org) throw new OneNumberError('NOT_CONNECTED', 'No such channel in this org.');
    return channel;
  }

  function conversationOf(channel: ChannelRow, id: string, expectedVersion?: number): ConversationRow {
    const conversation = state.conversations.get(id);
    if (!conversation || conversation.channel !== channel.id) throw new OneNumberError('UNKNOWN_CONVERSATION');
    if (expectedVersion !== undefined && conversation.version !== expectedVersion) throw new OneNumberError('CONFLICT');
    return conversation;
  }

  const toState = (channel: ChannelRow, c: ConversationRow): ConversationState => ({
    id: c.id,
    channel: channel.id,
    customer: c.customer,
    version: c.version,
    assignments: c.assignments.map((a) => ({ ...a })),
    activeServices: activeServices(channel),
    lastInboundAt: c.lastInboundAt,
  });

  const eventBase = (channel: ChannelRow, at: string) => ({
    org: channel.org,
    channel: channel.id,
    number: channel.number,
    at,
  });

  function setAssignee(
    channel: ChannelRow,
    conversation: ConversationRow,
    service: string,
    agent: string | null,
    at: string,
    why: string,
  ) {
    conversation.assignments = conversation.assignments.filter((a) => a.service !== service);
    record(state, channel, { channel: channel.id, at, what: agent ? 'assigned' : 'unassigned', service, agent, why });
    if (agent) conversation.assignments.push({ service, agent, seq: ++state.seq });
    log.append(channel.org, activeServices(channel), {
      ...eventBase(channel, at),
      type: 'assignmentChanged',
      conversation: conversation.id,
      customer: conversation.customer,
      subject: service,
      agent,
    });
  }

  return {
    async configure(input: {
      org: string;
      channel: string;
      service: string;
      settings: ChannelSettings;
    }): Promise<ChannelSettings> {
      const channel = channelOf(input.org, input.channel);
      if (channel.parent !== input.service) throw new OneNumberError('NOT_PARENT');
      channel.settings = { ...channel.settings, ...input.settings };
      return { ...channel.settings };
    },

    async receive(input: InboundRecord): Promise<InboundOutcome> {
      assertStorableMessage(input); // R27, R36: core's decision, before anything is stored
      const org = state.numberOwner.get(input.number);
      if (!org) throw new OneNumberError('NOT_CONNECTED', `${input.number} is not connected in any org.`);
      if (input.providerId) {
        let seen = state.providerIds.get(input.number);
        if (!seen) state.providerIds.set(input.number, (seen = new Set()));
        if (seen.has(input.providerId)) return { org, duplicate: true, deliveries: [] };
        seen.add(input.providerId);
      }
      const deliveries = (state.channelsByNumber.get(input.number) ?? []).map((id) => {
        const channel = state.channels.get(id)!;
        let conversation = channel.conversations.get(input.customer);
        if (!conversation) {
          conversation = {
            id: state.nextId('cv'),
            channel: id,
            customer: input.customer,
            version: 0,
            assignments: [],
            lastInboundAt: null,
            messages: [],
          };
          channel.conversations.set(input.customer, conversation);
          state.conversations.set(conversation.id, conversation);
        }
        const message: StoredMessage = {
          id: state.nextMessageId(),
          channel: id,
          conversation: conversation.id,
          direction: 'in',
          service: null,
          agent: null,
          agentName: null,
          type: input.type,
          text: input.text,
          raw: input.raw,
          status: 'received',
          error: null,
          providerId: input.providerId,
          at: input.at,
        };
        conversation.messages.push(message);
        conversation.lastInboundAt = input.at;
        state.messages.push(message);
        const services = activeServices(channel).sort();
        log.append(channel.org, services, message);
        return { channel: id, mode: channel.mode, conversation: conversation.id, message: message.id, services };
      });
      return { org, duplicate: false, deliveries };
    },

    async conversation(input: { org: string; channel: string; customer: string }): Promise<ConversationState | null> {
      const channel = channelOf(input.org, input.channel);
      const conversation = channel.conversations.get(input.customer);
      return conversation ? toState(channel, conversation) : null;
    },

    async appendReply(input: ReplyRecord): Promise<{ message: string; version: number }> {
      assertStorableMessage(input); // R27, R36
      const channel = channelOf(input.org, input.channel);
      const conversation = conversationOf(channel, input.conversation, input.expectedVersion);
      const message: StoredMessage = {
        id: state.nextMessageId(),
        channel: channel.id,
        conversation: conversation.id,
        direction: 'out',
        service: input.service,
        agent: input.agent,
        agentName: input.agentName,
        type: input.type,
        text: input.text,
        raw: input.raw,
        status: 'sent',
        error: null,
        providerId: null,
        at: input.at,
      };
      conversation.messages.push(message);
      state.messages.push(message);
      // The version guards the assignment decision (R21-R24): only a reply that assigns moves it.
      if (input.assign) {
        conversation.version++;
        setAssignee(channel, conversation, input.service, input.agent, input.at, 'reply');
      }
      log.append(channel.org, activeServices(channel), message);
      return { message: message.id, version: conversation.version };
    },

    async setAssignment(input: AssignmentRecord): Promise<{ version: number }> {
      const channel = channelOf(input.org, input.channel);
      const conversation = conversationOf(channel, input.conversation, input.expectedVersion);
      conversation.version++;
      setAssignee(channel, conversation, input.service, input.agent, input.at, input.cause ?? 'assign');
      return { version: conversation.version };
    },

    async view(input: ViewQuery): Promise<MessageView[]> {
      const channel = channelOf(input.org, input.channel);
      const membership = channel.memberships.get(input.service);
      if (!membership) throw new OneNumberError('NOT_CONNECTED');
      const conversation = conversationOf(channel, input.conversation);
      return conversation.messages.map((m) => projectMessage(m, input.service, membership.policy));
    },

    async updateStatus(input: StatusRecord): Promise<{ status: MessageView['status']; changed: boolean }> {
      const message = state.messageById(input.message);
      const channel = message ? state.channels.get(message.channel) : undefined;
      if (!message || !channel || channel.org !== input.org)
        throw new OneNumberError('UNKNOWN_MESSAGE', `No message "${input.message}" in this org.`);
      const next = advanceStatus(message.status, input.status);
      if (next === message.status) return { status: next, changed: false };
      message.status = next;
      message.error = next === 'failed' ? input.error : null;
      record(state, channel, {
        channel: channel.id,
        at: input.at,
        what: 'status',
        service: message.service,
        message: message.id,
        status: next,
        why: 'provider-report',
      });
      log.append(channel.org, activeServices(channel), {
        ...eventBase(channel, input.at),
        type: 'statusChanged',
        conversation: message.conversation,
        message: message.id,
        status: next,
        error: message.error,
        sender: message.service,
      });
      return { status: next, changed: true };
    },
  };
}
