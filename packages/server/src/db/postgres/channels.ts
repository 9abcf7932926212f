// Lookups the PostgreSQL stores share, run inside a caller's transaction or snapshot.
import { OneNumberError } from '@onenumber/core';
import type { Recipient } from '../common/eventDrafts';
import { policyOf, type ChannelRow, type ConversationRow, type MembershipRow } from '../common/rows';
import { sql, type Queryable } from './sql';

/** R25: a channel is reachable only from its own org. */
export function ownChannel(channel: ChannelRow | undefined, org: string): ChannelRow {
  if (!channel || channel.org !== org) throw new OneNumberError('NOT_CONNECTED', 'No such channel in this org.');
  return channel;
}

export const channelIn = async (db: Queryable, org: string, id: string): Promise<ChannelRow> =>
  ownChannel(await sql.channelById.get(db, id), org);

export async function conversationIn(db: Queryable, channel: ChannelRow, id: string): Promise<ConversationRow> {
  const conversation = await sql.conversationById.get(db, id);
  if (!conversation || conversation.channel !== channel.id) throw new OneNumberError('UNKNOWN_CONVERSATION');
  return conversation;
}

/** The active memberships of a channel, in creation order, with what events need of them (R15, R18). */
export async function activeMembers(
  db: Queryable,
  channel: string,
): Promise<{ services: string[]; recipients: Recipient[] }> {
  const active = (await sql.membershipsOfChannel.all(db, channel)).filter((m: MembershipRow) => m.state === 'active');
  const recipients = active
    .map((m) => ({ service: m.service, policy: policyOf(m) }))
    .sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : 0));
  return { services: active.map((m) => m.service), recipients };
}

/**
 * Locks the number's owner row for a write that reads the memberships (FOR SHARE: such writes run
 * side by side; a membership change, holding it FOR UPDATE, runs alone).
 */
export async function shareNumber(db: Queryable, number: string): Promise<void> {
  await sql.shareNumber.get(db, number);
}
