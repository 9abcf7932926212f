// Typed events, one discriminated union. An event delivered to a service carries that service's
// projection: other services' replies have no text and no agent (R17, R20).
import type { Member } from './election/electParent';
import type { MessageView, MessageStatus, MessageError } from './masking/message';

interface EventBase {
  /** A cursor in the receiving service's stream; resume after it with `events({ after })`. */
  id: string;
  org: string;
  /** The receiving service. */
  service: string;
  channel: string;
  number: string;
  at: string;
}

export type ChannelEvent =
  | (EventBase & { type: 'messageReceived'; conversation: string; customer: string; message: MessageView })
  | (EventBase & { type: 'messageSent'; conversation: string; customer: string; message: MessageView })
  /** R30: the customer reacted to a message (`target`, its WhatsApp id); `emoji` null: the reaction was removed. `message` is the reaction itself. */
  | (EventBase & {
      type: 'messageReacted';
      conversation: string;
      customer: string;
      message: MessageView;
      target: string;
      emoji: string | null;
    })
  /** R30: the customer edited their message `target` (its WhatsApp id); `text` is the new text. */
  | (EventBase & {
      type: 'messageEdited';
      conversation: string;
      customer: string;
      message: MessageView;
      target: string;
      text: string | null;
    })
  /** R30: the customer revoked (deleted for everyone) their message `target` (its WhatsApp id). */
  | (EventBase & {
      type: 'messageRevoked';
      conversation: string;
      customer: string;
      message: MessageView;
      target: string;
    })
  | (EventBase & {
      type: 'statusChanged';
      conversation: string;
      message: string;
      status: MessageStatus;
      error: MessageError | null;
    })
  | (EventBase & { type: 'parentChanged'; from: string | null; to: string | null; cause: ParentChangeCause })
  | (EventBase & {
      type: 'membershipChanged';
      subject: string;
      state: 'active' | 'disabled' | 'removed';
      members: Member[];
    })
  | (EventBase & {
      type: 'assignmentChanged';
      conversation: string;
      customer: string;
      subject: string;
      agent: string | null;
    });

/** Why the parent changed (R11, R13). */
export type ParentChangeCause = 'created' | 'disabled' | 'removed' | 'reopened';

export type ChannelEventType = ChannelEvent['type'];
export type ChannelEventOf<T extends ChannelEventType> = Extract<ChannelEvent, { type: T }>;
export const channelEventTypes: readonly ChannelEventType[] = [
  'messageReceived',
  'messageSent',
  'messageReacted',
  'messageEdited',
  'messageRevoked',
  'statusChanged',
  'parentChanged',
  'membershipChanged',
  'assignmentChanged',
];
