// R13, R15, R17..R20 as rows: what one inbound message writes, computed whole before the write
// from facts a storage keeps (the number's owner, its channels with their conversation with the
// customer, each channel's memberships and policies) and the message ids it reserved. A storage
// sends these rows in one write that checks its facts are still current; it decides nothing.
import type { StoredMessage } from '../masking/message';
import type { InboundOutcome, InboundRecord } from '../storage/records';
import type { EventDraft } from './announcement';
import { deliverInbound, inboundMessage } from './inbound';
import type { MembershipFacts } from './members';
import { eventDrafts } from './projectEvent';

/** One channel on the number as the write will find it, if the facts are current. */
export interface InboundChannelFacts {
  channel: Parameters<typeof deliverInbound>[0]['channel'];
  /** The channel's conversation with this customer (it exists already). */
  conversation: string;
  memberships: readonly MembershipFacts[];
}

export interface InboundPlan {
  /** One message per channel, stored in its conversation. */
  messages: StoredMessage[];
  /** The events, projected per recipient (R20), in the order they are stored. */
  drafts: EventDraft[];
  /** What receive() answers once the rows are written. */
  outcome: InboundOutcome;
}

/** `ids`: one reserved message id per channel, in the channels' order. */
export function planInbound(
  input: InboundRecord,
  org: string,
  channels: readonly InboundChannelFacts[],
  ids: readonly string[],
): InboundPlan {
  const messages: StoredMessage[] = [];
  const drafts: EventDraft[] = [];
  const deliveries: InboundOutcome['deliveries'] = [];
  channels.forEach((facts, i) => {
    const message: StoredMessage = { ...inboundMessage(input, facts.channel.id, facts.conversation), id: ids[i]! };
    const { delivery, announcement } = deliverInbound({
      channel: facts.channel,
      customer: input.customer,
      message,
      memberships: facts.memberships,
    });
    messages.push(message);
    drafts.push(...eventDrafts(announcement));
    deliveries.push(delivery);
  });
  return { messages, drafts, outcome: { org, duplicate: false, deliveries } };
}
