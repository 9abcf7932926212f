// The facts core's decisions read, as every store reads them inside its transaction: the
// channel (only from its own org, R25), the conversation (only in its channel), and the
// channel's memberships with their masking policies (R18; R36: an unreadable policy reads as
// the default, which hides the most).
import { defaultMaskingPolicy } from '@onenumber/core';
import { channelIn as inOrg, conversationIn as inChannel, type MembershipFacts } from '@onenumber/core/storage-kit';
import { policyOf, type ChannelRow, type ConversationRow } from '../common/rows';
import { all, one, type Steps } from '../port/steps';

export function* channelIn(org: string, id: string): Steps<ChannelRow> {
  return inOrg(yield* one('channelById', id), org);
}

/** The channel, held until commit (R9, R11: the parent is decided by one transaction at a time). */
export function* heldChannelIn(org: string, id: string): Steps<ChannelRow> {
  return inOrg(yield* one('lockChannel', id), org);
}

export function* conversationIn(channel: ChannelRow, id: string): Steps<ConversationRow> {
  return inChannel(yield* one('conversationById', id), channel.id);
}

/** The channel's memberships in creation order; only active ones receive, so only their policies are decoded. */
export function* membershipsOf(channel: string): Steps<MembershipFacts[]> {
  return (yield* all('membershipsOfChannel', channel)).map((m) => ({
    service: m.service,
    seq: m.seq,
    state: m.state,
    policy: m.state === 'active' ? policyOf(m) : defaultMaskingPolicy,
  }));
}

/** Where a change in this channel happens (for its events). */
export const placeOf = (channel: ChannelRow, at: string) => ({
  org: channel.org,
  channel: channel.id,
  number: channel.number,
  at,
});
