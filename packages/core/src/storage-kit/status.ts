// R17, R32: a delivery report (or the outbox giving up) moves a reply's status forward only
// (advanceStatus); a report that changes nothing is no error and no event. A change is recorded
// on the timeline and announced to the active members; the error is stored only with `failed`,
// and projectEvent shows its provider text to the sending service alone.
import type { ElectableMembership } from '../election/electParent';
import { advanceStatus } from '../masking/advanceStatus';
import type { MessageError, MessageStatus } from '../masking/message';
import { timelineDraft, type TimelineDraft } from '../storage/timeline';
import type { Announcement, Place } from './announcement';
import { activeServices } from './members';

export type StatusEffects =
  | { changed: false; status: MessageStatus }
  | {
      changed: true;
      status: MessageStatus;
      /** What to store as the message's error (null unless failed). */
      error: MessageError | null;
      timeline: TimelineDraft;
      announcement: Announcement;
    };

export function statusEffects(input: {
  place: Place;
  message: { id: string; conversation: string; service: string | null; status: MessageStatus };
  report: Exclude<MessageStatus, 'received' | 'sent'>;
  error: MessageError | null;
  memberships: readonly ElectableMembership[];
}): StatusEffects {
  const { place, message } = input;
  const status = advanceStatus(message.status, input.report);
  if (status === message.status) return { changed: false, status };
  const error = status === 'failed' ? input.error : null;
  return {
    changed: true,
    status,
    error,
    timeline: timelineDraft({
      channel: place.channel,
      at: place.at,
      what: 'status',
      service: message.service,
      message: message.id,
      status,
      why: 'provider-report',
    }),
    announcement: {
      place,
      change: {
        type: 'statusChanged',
        conversation: message.conversation,
        message: message.id,
        status,
        error,
        sender: message.service,
      },
      recipients: activeServices(input.memberships).map((service) => ({ service })),
    },
  };
}
