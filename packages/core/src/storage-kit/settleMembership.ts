// R9..R14: what follows a membership change (a connect, disable, enable or remove), decided in
// the same atomic step as the change: the parent (electParent), the members in order, the
// events to announce and the audit timeline entries (issue 9). A storage reads the channel's
// memberships after its write, calls this, and writes the result (the new parent, the events,
// the entries) in the same step.
import { electParent, listMembers, type ElectableMembership, type Member } from '../election/electParent';
import type { ParentChangeCause } from '../events';
import type { MembershipAction } from '../storage/records';
import { timelineDraft, type TimelineDraft } from '../storage/timeline';
import type { Announcement, Place } from './announcement';

export interface Settled {
  parent: string | null;
  /** The active members afterwards, parent first (R14). */
  members: Member[];
  parentChange: { from: string | null; to: string | null } | null;
  announcements: Announcement[];
  timeline: TimelineDraft[];
}

export type SettleAction = 'connect' | MembershipAction;

const stateAfter = { connect: 'active', enable: 'active', disable: 'disabled', remove: 'removed' } as const;
const timelineWhat = { connect: 'joined', enable: 'enabled', disable: 'disabled', remove: 'removed' } as const;

/** R10, R11: why the parent moved, for the parentChanged event. */
function causeOf(action: SettleAction, fresh: boolean): ParentChangeCause {
  if (action === 'connect') return fresh ? 'created' : 'reopened';
  return action === 'enable' ? 'reopened' : action === 'disable' ? 'disabled' : 'removed';
}

export function settleMembership(input: {
  place: Place;
  /** The channel's memberships after the change (a removed one is absent). */
  memberships: readonly ElectableMembership[];
  /** The parent before the change. */
  before: string | null;
  subject: string;
  action: SettleAction;
  /** Connect only: the channel was created by this connect. */
  fresh?: boolean | undefined;
}): Settled {
  const { place, memberships, before, subject, action } = input;
  const parent = electParent(memberships, before);
  const members = listMembers(memberships, parent);
  const cause = causeOf(action, input.fresh ?? false);
  // The subject hears about its own change even when it just left (R10).
  const recipients = [...new Set([...members.map((m) => m.service), subject])].map((service) => ({ service }));
  const announcements: Announcement[] = [
    { place, recipients, change: { type: 'membershipChanged', subject, state: stateAfter[action], members } },
  ];
  const timeline = [
    timelineDraft({
      channel: place.channel,
      at: place.at,
      what: timelineWhat[action],
      service: subject,
      why: action === 'connect' ? 'connected' : action,
    }),
  ];
  const moved = parent !== before;
  if (moved) {
    announcements.push({ place, recipients, change: { type: 'parentChanged', from: before, to: parent, cause } });
    const why = cause === 'created' || cause === 'reopened' ? cause : `parent-${cause}`;
    timeline.push(
      timelineDraft({ channel: place.channel, at: place.at, what: 'elected', from: before, to: parent, why }),
    );
  }
  return { parent, members, parentChange: moved ? { from: before, to: parent } : null, announcements, timeline };
}
