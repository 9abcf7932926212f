// R15, R17, R20, R32: the events a change causes, one draft per receiving service, already
// projected for that service with its own masking policy. A draft for service S never holds
// another service's reply text or agent, nor the provider's error text of another service's
// failed send (R32: the code and core's fixed title instead), so a stored event row can be
// handed to S as it is.
// Dialect-free: every ServerDatabase dialect writes these drafts in the transaction of the change.
import {
  defaultMaskingPolicy,
  projectError,
  projectMessage,
  type ChannelEvent,
  type MaskingPolicy,
  type Member,
  type MessageError,
  type MessageStatus,
  type ParentChangeCause,
  type StoredMessage,
} from '@onenumber/core';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A ChannelEvent before the database gives it its cursor id. */
export type EventBody = WithoutId<ChannelEvent>;

export interface EventDraft {
  org: string;
  /** The receiving service. */
  service: string;
  channel: string;
  body: EventBody;
}

/** Where a change happened. */
export interface Place {
  org: string;
  channel: string;
  number: string;
  at: string;
}

/** The non-message changes; they hold no reply text (an assignment's agent reaches only its own service). */
export type Change =
  | {
      type: 'statusChanged';
      conversation: string;
      message: string;
      status: MessageStatus;
      error: MessageError | null;
      /** The message's sending service (null: inbound): R32 shows it the error as recorded, others the fixed title. */
      sender: string | null;
    }
  | { type: 'parentChanged'; from: string | null; to: string | null; cause: ParentChangeCause }
  | { type: 'membershipChanged'; subject: string; state: 'active' | 'disabled' | 'removed'; members: Member[] }
  | { type: 'assignmentChanged'; conversation: string; customer: string; subject: string; agent: string | null };

export function changeDrafts(place: Place, recipients: Iterable<string>, change: Change): EventDraft[] {
  const drafts: EventDraft[] = [];
  for (const service of recipients) {
    const seen = projectChange(change, service);
    const body = {
      ...seen,
      org: place.org,
      service,
      channel: place.channel,
      number: place.number,
      at: place.at,
    } as EventBody;
    drafts.push({ org: place.org, service, channel: place.channel, body });
  }
  return drafts;
}

/**
 * One recipient's view of a change. R17, R22: a reply assigns its sender (R24), so another service
 * learns only that the assignment changed, not who holds it; its views name the holder where R22
 * allows. R32: a failure's provider text reaches the sending service alone.
 */
function projectChange(change: Change, service: string): object {
  switch (change.type) {
    case 'statusChanged': {
      const { sender, ...rest } = change;
      return { ...rest, error: projectError(change.error, sender, service) };
    }
    case 'assignmentChanged':
      return service === change.subject ? change : { ...change, agent: null };
    default:
      return change;
  }
}

export interface Recipient {
  service: string;
  policy: MaskingPolicy;
}

/**
 * messageReceived (inbound) or messageSent (reply) for each recipient, projected with the
 * recipient's policy (R17, R18). The event shows the message as it was when it happened.
 */
export function messageDrafts(
  message: StoredMessage,
  place: { org: string; number: string; customer: string },
  recipients: readonly Recipient[],
): EventDraft[] {
  const type = message.direction === 'in' ? 'messageReceived' : 'messageSent';
  return recipients.map(({ service, policy }) => {
    const view = projectMessage(message, service, policy ?? defaultMaskingPolicy);
    view.status = message.direction === 'in' ? 'received' : 'sent';
    view.error = null;
    const body: EventBody = {
      type,
      org: place.org,
      service,
      channel: message.channel,
      number: place.number,
      at: message.at,
      conversation: message.conversation,
      customer: place.customer,
      message: view,
    };
    return { org: place.org, service, channel: message.channel, body };
  });
}
