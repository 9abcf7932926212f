// R11, R15, R17, R20: what a change announces, and to whom, before it is projected for each
// recipient. Core decides the announcement (storage-kit's *Effects functions); a storage either
// projects it at once and stores one event per recipient (the server), or keeps it once and
// projects it when a recipient reads (memory). Either way projectEvent does the projecting.
import type { ChannelEvent, ParentChangeCause } from '../events';
import type { Member } from '../election/electParent';
import type { MessageError, MessageStatus, StoredMessage } from '../masking/message';
import type { MaskingPolicy } from '../masking/policy';

/** Where and when a change happened. */
export interface Place {
  org: string;
  channel: string;
  number: string;
  at: string;
}

/** What happened, once for every recipient. Only `message` carries text, and projectEvent masks it. */
export type Change =
  | {
      /** messageReceived (inbound) or messageSent (reply), by the message's direction. */
      type: 'message';
      message: StoredMessage;
      customer: string;
    }
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

/** A receiving service, with the masking policy its projection of a message uses (R18). */
export interface Recipient {
  service: string;
  /** Absent: the default policy (a change other than a message does not read it). */
  policy?: MaskingPolicy | undefined;
}

/** One change and the services that hear about it. */
export interface Announcement {
  place: Place;
  change: Change;
  recipients: readonly Recipient[];
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A ChannelEvent before the storage gives it its cursor id. */
export type EventBody = WithoutId<ChannelEvent>;

/** One recipient's event, projected for it, as a storage that stores per recipient writes it. */
export interface EventDraft {
  org: string;
  /** The receiving service. */
  service: string;
  channel: string;
  body: EventBody;
}
