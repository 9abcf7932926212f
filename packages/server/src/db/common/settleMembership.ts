// R9, R11, R13, R14: what follows a membership change, decided in the same transaction as the
// change: the parent (core's electParent), the members in order, the events to write and the
// audit timeline entries (issue 9). Dialect-free: a dialect loads the channel's memberships,
// calls this, and writes the result.
import {
  electParent,
  listMembers,
  timelineDraft,
  type ElectableMembership,
  type Member,
  type MembershipAction,
  type ParentChangeCause,
  type TimelineDraft,
} from '@onenumber/core';
import { changeDrafts, type EventDraft, type Place } from './eventDrafts';

export interface Settled {
  parent: string | null;
  /** The active members afterwards, parent first (R14). */
  members: Member[];
  parentChange: { from: string | null; to: string | null } | null;
  drafts: EventDraft[];
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
  fresh?: boolean;
}): Settled {
  const { place, memberships, before, subject, action } = input;
  const parent = electParent(memberships, before);
  const members = listMembers(memberships, parent);
  const cause = causeOf(action, input.fresh ?? false);
  // The subject hears about its own change even when it just left (R10).
  const recipients = new Set([...members.map((m) => m.service), subject]);
  const drafts = changeDrafts(place, recipients, {
    type: 'membershipChanged',
    subject,
    state: stateAfter[action],
    members,
  });
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
    drafts.push(...changeDrafts(place, recipients, { type: 'parentChanged', from: before, to: parent, cause }));
    const why = cause === 'created' || cause === 'reopened' ? cause : `parent-${cause}`;
    timeline.push(
      timelineDraft({ channel: place.channel, at: place.at, what: 'elected', from: before, to: parent, why }),
    );
  }
  return { parent, members, parentChange: moved ? { from: before, to: parent } : null, drafts, timeline };
}
