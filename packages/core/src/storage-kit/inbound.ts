// R13, R15, R17: an inbound message is stored in every channel on its number (shared and isolated,
// closed ones too), each its own copy, with the status `received`; in each channel its active
// members receive it, by service name, and a closed channel delivers it to nobody.
import type { Mode } from '../eligibility/catalogue';
import type { StoredMessage } from '../masking/message';
import type { InboundDelivery, InboundRecord } from '../storage/records';
import type { Announcement } from './announcement';
import { recipientsOf, type MembershipFacts } from './members';

/** The record to store in one channel's conversation with the customer (the storage gives the id). */
export const inboundMessage = (
  input: InboundRecord,
  channel: string,
  conversation: string,
): Omit<StoredMessage, 'id'> => ({
  channel,
  conversation,
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
});

/** One channel's delivery of the stored message: who receives it, and the messageReceived events. */
export function deliverInbound(input: {
  channel: { id: string; org: string; number: string; mode: Mode };
  customer: string;
  message: StoredMessage;
  /** The channel's memberships, read in the same atomic step. */
  memberships: readonly MembershipFacts[];
}): { delivery: InboundDelivery; announcement: Announcement } {
  const { channel, message } = input;
  const recipients = recipientsOf(input.memberships);
  return {
    delivery: {
      channel: channel.id,
      mode: channel.mode,
      conversation: message.conversation,
      message: message.id,
      services: recipients.map((r) => r.service),
    },
    announcement: {
      place: { org: channel.org, channel: channel.id, number: channel.number, at: message.at },
      change: { type: 'message', message, customer: input.customer },
      recipients,
    },
  };
}
