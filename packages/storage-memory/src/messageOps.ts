// R12, R13, R15..R21, R24, R26 on memory: messages, assignments, views and delivery reports.
// Core's storage-kit decides what is stored, who hears of it and what each one sees; this file
// keeps the records.
import type { ChannelSettings, MemoryDirectory, MessageView } from '@onenumber/core';
import {
  assertStorableMessage,
  assignmentEffects,
  channelIn,
  configureSettings,
  conflict,
  conversationIn,
  decideStatus,
  deliverInbound,
  inboundMessage,
  numberNotConnected,
  planReply,
  projectMessage,
  replyEffects,
  statusEffects,
  unknownMessage,
  viewerIn,
  type AssignmentEffects,
  type AssignmentRecord,
  type InboundOutcome,
  type InboundRecord,
  type ReplyRecord,
  type StatusRecord,
  type StoredMessage,
  type ViewQuery,
} from '@onenumber/core/storage-kit';
import type { EventLog } from './eventLog';
import type { ChannelRow, ConversationRow, MemoryState } from './state';
import { record } from './timelineOps';

export function messageOps(state: MemoryState, log: EventLog, directory: MemoryDirectory) {
  const channelOf = (org: string, id: string): ChannelRow => channelIn(state.channels.get(id), org);

  function conversationOf(channel: ChannelRow, id: string, expectedVersion?: number): ConversationRow {
    const conversation = conversationIn(state.conversations.get(id), channel.id);
    if (expectedVersion !== undefined && conversation.version !== expectedVersion) throw conflict();
    return conversation;
  }

  /** The channel's memberships with the policy in force for each (R33: read from the directory now). */
  const memberships = (channel: ChannelRow) =>
    [...channel.memberships.values()].map((m) => ({ ...m, policy: directory.policyOf(channel.org, m.service) }));
  const placeOf = (channel: ChannelRow, at: string) => ({
    org: channel.org,
    channel: channel.id,
    number: channel.number,
    at,
  });

  /** R21: one assignee per service, as core decided it. */
  function assign(channel: ChannelRow, conversation: ConversationRow, effects: AssignmentEffects) {
    conversation.assignments = conversation.assignments.filter((a) => a.service !== effects.service);
    record(state, channel, effects.timeline);
    if (effects.agent)
      conversation.assignments.push({ service: effects.service, agent: effects.agent, seq: ++state.seq });
    log.append(effects.announcement);
  }

  return {
    async configure(input: {
      org: string;
      channel: string;
      service: string;
      settings: ChannelSettings;
    }): Promise<ChannelSettings> {
      const channel = channelOf(input.org, input.channel);
      channel.settings = configureSettings({ ...input, parent: channel.parent, current: channel.settings });
      return { ...channel.settings };
    },

    async receive(input: InboundRecord): Promise<InboundOutcome> {
      assertStorableMessage(input); // R27, R36: core's decision, before anything is stored
      const org = state.numberOwner.get(input.number);
      if (!org) throw numberNotConnected(input.number);
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
        const message: StoredMessage = { id: state.nextMessageId(), ...inboundMessage(input, id, conversation.id) };
        conversation.messages.push(message);
        conversation.lastInboundAt = input.at;
        state.messages.push(message);
        const { delivery, announcement } = deliverInbound({
          channel,
          customer: conversation.customer,
          message,
          memberships: memberships(channel),
        });
        log.append(announcement);
        return delivery;
      });
      return { org, duplicate: false, deliveries };
    },

    async appendReply(input: ReplyRecord): Promise<{ message: string; version: number }> {
      assertStorableMessage(input); // R27, R36
      const channel = channelOf(input.org, input.channel);
      const conversation = conversationOf(channel, input.conversation, input.expectedVersion);
      const plan = planReply(input);
      const message: StoredMessage = { id: state.nextMessageId(), ...plan.message };
      conversation.messages.push(message);
      state.messages.push(message);
      conversation.version += plan.versionStep;
      const effects = replyEffects({
        place: placeOf(channel, input.at),
        customer: conversation.customer,
        message,
        assign: input.assign,
        memberships: memberships(channel),
      });
      if (effects.assignment) assign(channel, conversation, effects.assignment);
      log.append(effects.announcement);
      return { message: message.id, version: conversation.version };
    },

    async setAssignment(input: AssignmentRecord): Promise<{ version: number }> {
      const channel = channelOf(input.org, input.channel);
      const conversation = conversationOf(channel, input.conversation, input.expectedVersion);
      conversation.version++;
      const effects = assignmentEffects({
        place: placeOf(channel, input.at),
        conversation,
        service: input.service,
        agent: input.agent,
        why: input.cause ?? 'assign',
        memberships: memberships(channel),
      });
      assign(channel, conversation, effects);
      return { version: conversation.version };
    },

    async view(input: ViewQuery): Promise<MessageView[]> {
      const channel = channelOf(input.org, input.channel);
      viewerIn(channel.memberships.get(input.service));
      const conversation = conversationOf(channel, input.conversation);
      const policy = directory.policyOf(channel.org, input.service); // R33: the policy in force
      return conversation.messages.map((m) => projectMessage(m, input.service, policy));
    },

    async updateStatus(input: StatusRecord): Promise<{ status: MessageView['status']; changed: boolean }> {
      const message = state.messageById(input.message);
      const channel = message ? state.channels.get(message.channel) : undefined;
      if (!message || !channel || channel.org !== input.org) throw unknownMessage(input.message);
      const decision = decideStatus({ current: message.status, report: input.status, error: input.error });
      if (!decision.changed) return { status: decision.status, changed: false };
      message.status = decision.status;
      message.error = decision.error;
      const effects = statusEffects({
        place: placeOf(channel, input.at),
        message,
        decision,
        memberships: memberships(channel),
      });
      record(state, channel, effects.timeline);
      log.append(effects.announcement);
      return { status: decision.status, changed: true };
    },
  };
}
