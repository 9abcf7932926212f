// R12, R13, R15..R21, R24, R26 on PostgreSQL: inbound messages (deduplicated across replicas by
// the (number, provider id) primary key), replies (queued in the outbox in the same transaction),
// assignments, views and delivery reports. Writes that read the memberships hold the number's
// row FOR SHARE, so no membership change commits between what they read and what they write.
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
import {
  placeOf,
  policyOf,
  toMessageRow,
  toStoredMessage,
  type ChannelRow,
  type ConversationRow,
} from '../common/rows';
import { utc } from '../common/schemas';
import { applyStatus } from './applyStatus';
import { activeMembers, channelIn, conversationIn, shareNumber } from './channels';
import type { PgHandle, PgTx } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export function messageStore(h: PgHandle) {
  /** Stores a message; `pos` is its place in the stored order (history, outbox). */
  async function insertMessage(
    tx: PgTx,
    message: Omit<StoredMessage, 'id'>,
    org: string,
  ): Promise<{ message: StoredMessage; pos: number }> {
    const row = toMessageRow({ ...message, id: '' }, org);
    const { id, pos } = (await sql.insertMessage.get(
      tx.client,
      org,
      row.channel,
      row.conversation,
      row.direction,
      row.service,
      row.agent,
      row.agent_name,
      row.type,
      row.text,
      row.raw,
      row.status,
      row.error,
      row.provider_id,
      row.at,
    ))!;
    return { message: { ...message, id }, pos };
  }

  /** The version guards the assignment decision (R21-R24): a write that changes assignment moves it (step 1); a reply that does not only checks it (step 0), under the same row lock. */
  async function bump(tx: PgTx, conversation: ConversationRow, expectedVersion: number, step: 0 | 1): Promise<number> {
    const bumped = await sql.bumpVersion.get(tx.client, conversation.id, expectedVersion, step);
    if (!bumped) throw new OneNumberError('CONFLICT');
    return bumped.version;
  }

  /** R21: one assignee per service; `why` is the timeline's cause (reply, assign, confirmed). */
  async function setAssignee(
    tx: PgTx,
    channel: ChannelRow,
    conversation: ConversationRow,
    service: string,
    agent: string | null,
    at: string,
    why: string,
    services: string[],
  ): Promise<void> {
    await sql.deleteAssignment.run(tx.client, conversation.id, service);
    tx.record(channel.org, [
      timelineDraft({ channel: channel.id, at, what: agent ? 'assigned' : 'unassigned', service, agent, why }),
    ]);
    if (agent) await sql.insertAssignment.run(tx.client, conversation.id, service, agent);
    tx.emit(
      changeDrafts(placeOf(channel, at), services, {
        type: 'assignmentChanged',
        conversation: conversation.id,
        customer: conversation.customer,
        subject: service,
        agent,
      }),
    );
  }

  /** The channel and conversation a reply or assignment acts on, with the number's memberships held still. */
  async function target(
    tx: PgTx,
    input: { org: string; channel: string; conversation: string; expectedVersion: number },
    step: 0 | 1 = 1,
  ) {
    const channel = await channelIn(tx.client, input.org, input.channel);
    await shareNumber(tx.client, channel.number);
    const conversation = await conversationIn(tx.client, channel, input.conversation);
    const version = await bump(tx, conversation, input.expectedVersion, step);
    return { channel, conversation, version, members: await activeMembers(tx.client, channel.id) };
  }

  /** R15: the customer's conversation in the channel, locked (opened by the first message). */
  async function conversationFor(tx: PgTx, channel: string, customer: string, at: string): Promise<ConversationRow> {
    return (
      (await sql.touchInbound.get(tx.client, channel, customer, at)) ??
      (await sql.openConversation.get(tx.client, channel, customer, at))!
    );
  }

  return {
    receive: (input: InboundRecord): Promise<InboundOutcome> =>
      guarded(() =>
        h.write(async (tx) => {
          assertStorableMessage(input); // R27, R36: core's decision on what may be stored
          const owner = await sql.shareNumber.get(tx.client, input.number);
          if (!owner) throw new OneNumberError('NOT_CONNECTED', `${input.number} is not connected in any org.`);
          const org = owner.org;
          // R15: the primary key on (number, provider id) stores it once, whichever replica is first.
          if (
            input.providerId !== null &&
            (await sql.rememberInbound.run(tx.client, input.number, input.providerId)) === 0
          ) {
            return { org, duplicate: true, deliveries: [] };
          }
          const deliveries = [];
          for (const channel of await sql.channelsOfNumber.all(tx.client, input.number, org)) {
            const conversation = await conversationFor(tx, channel.id, input.customer, input.at);
            const { message } = await insertMessage(
              tx,
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
            const { recipients } = await activeMembers(tx.client, channel.id);
            tx.emit(
              messageDrafts(message, { org, number: channel.number, customer: conversation.customer }, recipients),
            );
            deliveries.push({
              channel: channel.id,
              mode: channel.mode,
              conversation: conversation.id,
              message: message.id,
              services: recipients.map((r) => r.service),
            });
          }
          return { org, duplicate: false, deliveries };
        }),
      ),

    conversation: (input: { org: string; channel: string; customer: string }): Promise<ConversationState | null> =>
      guarded(() =>
        h.read(async (db) => {
          const channel = await channelIn(db, input.org, input.channel);
          const conversation = await sql.conversationByCustomer.get(db, channel.id, input.customer);
          if (!conversation) return null;
          return {
            id: conversation.id,
            channel: channel.id,
            customer: conversation.customer,
            version: conversation.version,
            assignments: await sql.assignmentsOf.all(db, conversation.id),
            activeServices: (await activeMembers(db, channel.id)).services,
            lastInboundAt: conversation.last_inbound_at,
          };
        }),
      ),

    appendReply: (input: ReplyRecord): Promise<{ message: string; version: number }> =>
      guarded(() =>
        h.write(async (tx) => {
          assertStorableMessage(input); // R27, R36: core's decision on what may be stored
          const { channel, conversation, version, members } = await target(tx, input, input.assign ? 1 : 0);
          const { message, pos } = await insertMessage(
            tx,
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
          if (input.assign)
            await setAssignee(
              tx,
              channel,
              conversation,
              input.service,
              input.agent,
              input.at,
              'reply',
              members.services,
            );
          // R16: queued for the transport in the same transaction as the reply.
          await sql.insertOutbox.run(tx.client, message.id, pos, utc(input.at), utc(input.at));
          tx.emit(
            messageDrafts(
              message,
              { org: channel.org, number: channel.number, customer: conversation.customer },
              members.recipients,
            ),
          );
          return { message: message.id, version };
        }),
      ),

    setAssignment: (input: AssignmentRecord): Promise<{ version: number }> =>
      guarded(() =>
        h.write(async (tx) => {
          const { channel, conversation, version, members } = await target(tx, input);
          await setAssignee(
            tx,
            channel,
            conversation,
            input.service,
            input.agent,
            input.at,
            input.cause ?? 'assign',
            members.services,
          );
          return { version };
        }),
      ),

    view: (input: ViewQuery): Promise<MessageView[]> =>
      guarded(() =>
        h.read(async (db) => {
          const channel = await channelIn(db, input.org, input.channel);
          const membership = await sql.membershipInChannel.get(db, channel.id, input.service);
          if (!membership) throw new OneNumberError('NOT_CONNECTED');
          const conversation = await conversationIn(db, channel, input.conversation);
          const policy = policyOf(membership);
          return (await sql.messagesOf.all(db, conversation.id)).map((row) =>
            projectMessage(toStoredMessage(row), input.service, policy),
          );
        }),
      ),

    updateStatus: (input: StatusRecord): Promise<{ status: MessageView['status']; changed: boolean }> =>
      guarded(() =>
        h.write(async (tx) => {
          const message = await sql.messageById.get(tx.client, input.message, input.org);
          if (!message) throw new OneNumberError('UNKNOWN_MESSAGE', `No message "${input.message}" in this org.`);
          return applyStatus(tx, message, input.status, input.error, input.at);
        }),
      ),
  };
}
