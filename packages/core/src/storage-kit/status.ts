// R17, R32, R38: a delivery report (the provider accepting a pending reply is the report `sent`) (or the outbox giving up) moves a reply's status forward only
// (advanceStatus); a report that changes nothing is no error and no event. A change is recorded
// on the timeline and announced to the active members; the error is stored only with `failed`,
// and projectEvent shows its provider text to the sending service alone.
import type { ElectableMembership } from '../election/electParent';
import { advanceStatus } from '../masking/advanceStatus';
import type { MessageError, MessageStatus } from '../masking/message';
import { timelineDraft, type TimelineDraft } from '../storage/timeline';
import type { Announcement, Place } from './announcement';
import { activeServices } from './members';

/** What a report may say: a reply is never reported back to `pending` (R38) nor `received`. */
export type ReportedStatus = Exclude<MessageStatus, 'received' | 'pending'>;

export interface StatusDecision {
  changed: boolean;
  status: MessageStatus;
  /** What to store as the message's error (null unless failed). */
  error: MessageError | null;
}

/** The status after the report; a storage that sees `changed: false` writes nothing. */
export function decideStatus(input: {
  current: MessageStatus;
  report: ReportedStatus;
  error: MessageError | null;
}): StatusDecision {
  const status = advanceStatus(input.current, input.report);
  return { changed: status !== input.current, status, error: status === 'failed' ? input.error : null };
}

/** What a status change causes: its timeline entry and the statusChanged event to the active members. */
export function statusEffects(input: {
  place: Place;
  message: { id: string; conversation: string; service: string | null };
  decision: StatusDecision;
  memberships: readonly ElectableMembership[];
}): { timeline: TimelineDraft; announcement: Announcement } {
  const { place, message, decision } = input;
  return {
    timeline: timelineDraft({
      channel: place.channel,
      at: place.at,
      what: 'status',
      service: message.service,
      message: message.id,
      status: decision.status,
      why: 'provider-report',
    }),
    announcement: {
      place,
      change: {
        type: 'statusChanged',
        conversation: message.conversation,
        message: message.id,
        status: decision.status,
        error: decision.error,
        sender: message.service,
      },
      recipients: activeServices(input.memberships).map((service) => ({ service })),
    },
  };
}
