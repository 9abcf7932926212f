// R12, R13, R15..R21, R24, R26 on SQLite: inbound messages, replies (queued in the outbox in the
// same transaction), assignments, views and delivery reports. Views and events are projected
// with the viewing member's stored masking policy (R18, R20).
import {
  OneNumberError,
  assertStorableMessage,
  projectMessage,
  timelineDraft,
  type AssignmentRecord,
  type ConversationState,
  type InboundOutcome,
  type InboundRecord,
  type MessageView,
  type ReplyRecord,
  type StatusRecord,
  type StoredMessage,
  type ViewQuery,
} from '@onenumber/core';
import { changeDrafts, messageDrafts } from '../common/eventDrafts';
import { guarded } from '../common/errors';
import { formatId, policyOf, toMessageRow, type ChannelRow, type ConversationRow } from '../common/rows';
import { utc } from '../common/schemas';
import { applyStatus } from './applyStatus';
import { storedFromArray } from './historyRows';
import { activeRecipients, activeServices, channelIn, conversationIn, placeOf } from './channels';
import type { Emit, SqliteHandle } from './connection';

export function messageStore(h: SqliteHandle) {
  const { sql } = h;

  /** Stores a message; `pos` is its place in the stored order (history, outbox). */
  function insertMessage(message: Omit<StoredMessage, 'id'>, org: string): { message: StoredMessage; pos: number } {
    const pos = h.next('message');
    const stored = { ...message, id: formatId('msg', pos) };
    sql.insertMessage.run({ ...toMessageRow(stored, org), pos });
    return { message: stored, pos };
  }

  /** The version guards the assignment decision (R21-R24): a write that changes assignment moves it (step 1); a reply that does not only checks it (step 0). */
  function bump(conversation: ConversationRow, expectedVersion: number, step: 0 | 1 = 1): number {
    const bumped = sql.bumpVersion.get(step, conversation.id, expectedVersion);
    if (!bumped) throw new OneNumberError('CONFLICT');
    return bumped.version;
  }

  /** R21: one assignee per service; `why` is the timeline's cause (reply, assign, confirmed). */
  function setAssignee(
    channel: ChannelRow,
    conversation: ConversationRow,
    service: string,
    agent: string | null,
    at: string,
    why: string,
    emit: Emit,
  ): void {
    sql.deleteAssignment.run(conversation.id, service);
    h.record(channel.org, [
      timelineDraft({ channel: channel.id, at, what: agent ? 'assigned' : 'unassigned', service, agent, why }),
    ]);
    if (agent) sql.insertAssignment.run(conversation.id, service, agent, h.next('seq'));
    emit(
      changeDrafts(placeOf(channel, at), activeServices(sql, channel.id), {
        type: 'assignmentChanged',
        conversation: conversation.id,
        customer: conversation.customer,
        subject: service,
        agent,
      }),
    );
  }

  return {
    receive: (input: InboundRecord): Promise<InboundOutcome> =>
      guarded(() =>
        h.write((emit) => {
          assertStorableMessage(input); // R27, R36: core's decision on what may be stored
          const owner = sql.ownerOf.get(input.number);
          if (!owner) throw new OneNumberError('NOT_CONNECTED', `${input.number} is not connected in any org.`);
          const org = owner.org;
          // R15: the primary key on (number, provider id) stores it once, whichever process is first.
          if (input.providerId !== null && sql.rememberInbound.run(input.number, input.providerId).changes === 0) {
            return { org, duplicate: true, deliveries: [] };
          }
          const deliveries = sql.channelsOfNumber.all(input.number, org).map((channel) => {
            let conversation = sql.conversationByCustomer.get(channel.id, input.customer);
            if (!conversation) {
              sql.insertConversation.run(formatId('cv', h.next('conversation')), channel.id, input.customer);
              conversation = sql.conversationByCustomer.get(channel.id, input.customer)!;
            }
            const { message } = insertMessage(
              {
                channel: channel.id,
                conversation: conversation.id,
                direction: 'in',
                service: null,
                agent: null,
                agentName: null,
                type: input.type,
                text: input.text,
                raw: input.raw ?? null,
                status: 'received',
                error: null,
                providerId: input.providerId,
                at: input.at,
              },
              org,
            );
            sql.touchInbound.run(input.at, conversation.id);
            const recipients = activeRecipients(sql, channel.id);
            emit(messageDrafts(message, { org, number: channel.number, customer: conversation.customer }, recipients));
            return {
              channel: channel.id,
              mode: channel.mode,
              conversation: conversation.id,
              message: message.id,
              services: recipients.map((r) => r.service),
            };
          });
          return { org, duplicate: false, deliveries };
        }),
      ),

    conversation: (input: { org: string; channel: string; customer: string }): Promise<ConversationState | null> =>
      guarded(() =>
        h.read(() => {
          const channel = channelIn(sql, input.org, input.channel);
          const conversation = sql.conversationByCustomer.get(channel.id, input.customer);
          if (!conversation) return null;
          return {
            id: conversation.id,
            channel: channel.id,
            customer: conversation.customer,
            version: conversation.version,
            assignments: sql.assignmentsOf.all(conversation.id),
            activeServices: activeServices(sql, channel.id),
            lastInboundAt: conversation.last_inbound_at,
          };
        }),
      ),

    appendReply: (input: ReplyRecord): Promise<{ message: string; version: number }> =>
      guarded(() =>
        h.write((emit) => {
          assertStorableMessage(input); // R27, R36: core's decision on what may be stored
          const channel = channelIn(sql, input.org, input.channel);
          const conversation = conversationIn(sql, channel, input.conversation);
          const version = bump(conversation, input.expectedVersion, input.assign ? 1 : 0);
          const { message, pos } = insertMessage(
            {
              channel: channel.id,
              conversation: conversation.id,
              direction: 'out',
              service: input.service,
              agent: input.agent,
              agentName: input.agentName,
              type: input.type,
              text: input.text,
              raw: input.raw ?? null,
              status: 'sent',
              error: null,
              providerId: null,
              at: input.at,
            },
            channel.org,
          );
          if (input.assign) setAssignee(channel, conversation, input.service, input.agent, input.at, 'reply', emit);
          // R16: queued for the transport in the same transaction as the reply.
          sql.insertOutbox.run(message.id, pos, utc(input.at), utc(input.at));
          emit(
            messageDrafts(
              message,
              { org: channel.org, number: channel.number, customer: conversation.customer },
              activeRecipients(sql, channel.id),
            ),
          );
          return { message: message.id, version };
        }),
      ),

    setAssignment: (input: AssignmentRecord): Promise<{ version: number }> =>
      guarded(() =>
        h.write((emit) => {
          const channel = channelIn(sql, input.org, input.channel);
          const conversation = conversationIn(sql, channel, input.conversation);
          const version = bump(conversation, input.expectedVersion);
          setAssignee(channel, conversation, input.service, input.agent, input.at, input.cause ?? 'assign', emit);
          return { version };
        }),
      ),

    view: (input: ViewQuery): Promise<MessageView[]> =>
      guarded(() =>
        h.read(() => {
          const channel = channelIn(sql, input.org, input.channel);
          const membership = sql.membershipInChannel.get(channel.id, input.service);
          if (!membership) throw new OneNumberError('NOT_CONNECTED');
          const conversation = conversationIn(sql, channel, input.conversation);
          const policy = policyOf(membership);
          return sql.historyOf
            .all(conversation.id)
            .map((row) => projectMessage(storedFromArray(row), input.service, policy));
        }),
      ),

    updateStatus: (input: StatusRecord): Promise<{ status: MessageView['status']; changed: boolean }> =>
      guarded(() =>
        h.write((emit) => {
          const message = sql.messageById.get(input.message, input.org);
          if (!message) throw new OneNumberError('UNKNOWN_MESSAGE', `No message "${input.message}" in this org.`);
          return applyStatus(h, emit, message, input.status, input.error, input.at);
        }),
      ),
  };
}
