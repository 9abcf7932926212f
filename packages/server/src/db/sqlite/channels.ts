// Lookups the SQLite stores share, run inside a caller's transaction.
import { OneNumberError } from '@onenumber/core';
import type { Recipient } from '../common/eventDrafts';
import { policyOf, type ChannelRow, type ConversationRow } from '../common/rows';
import type { Statements } from './sql';

/** R25: a channel is reachable only from its own org. */
export function channelIn(sql: Statements, org: string, id: string): ChannelRow {
  const channel = sql.channelById.get(id);
  if (!channel || channel.org !== org) throw new OneNumberError('NOT_CONNECTED', 'No such channel in this org.');
  return channel;
}

export function conversationIn(sql: Statements, channel: ChannelRow, id: string): ConversationRow {
  const conversation = sql.conversationById.get(id);
  if (!conversation || conversation.channel !== channel.id) throw new OneNumberError('UNKNOWN_CONVERSATION');
  return conversation;
}

/** Services with an active membership, in creation order. */
export function activeServices(sql: Statements, channel: string): string[] {
  return sql.membershipsOfChannel
    .all(channel)
    .filter((m) => m.state === 'active')
    .map((m) => m.service);
}

/** Active members with their masking policies, by service name (R15, R18). */
export function activeRecipients(sql: Statements, channel: string): Recipient[] {
  return sql.membershipsOfChannel
    .all(channel)
    .filter((m) => m.state === 'active')
    .map((m) => ({ service: m.service, policy: policyOf(m) }))
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
}

export { placeOf, settingsOf } from '../common/rows';
