// R9, R11, R13, R14: what follows a membership change, decided in the same transaction as the
// change: the parent (core's electParent), the members in order, and the events to write.
// Dialect-free: a dialect loads the channel's memberships, calls this, and writes the result.
import { electParent, listMembers, type ElectableMembership, type Member, type ParentChangeCause } from '@onenumber/core';
import { changeDrafts, type EventDraft, type Place } from './eventDrafts';

export interface Settled {
  parent: string | null;
  /** The active members afterwards, parent first (R14). */
  members: Member[];
  parentChange: { from: string | null; to: string | null } | null;
  drafts: EventDraft[];
}

export function settleMembership(input: {
  place: Place;
  /** The channel's memberships after the change (a removed one is absent). */
  memberships: readonly ElectableMembership[];
  /** The parent before the change. */
  before: string | null;
  subject: string;
  subjectState: 'active' | 'disabled' | 'removed';
  cause: ParentChangeCause;
}): Settled {
  const { place, memberships, before, subject, subjectState, cause } = input;
  const parent = electParent(memberships, before);
  const members = listMembers(memberships, parent);
  // The subject hears about its own change even when it just left (R10).
  const recipients = new Set([...members.map((m) => m.service), subject]);
  const drafts = changeDrafts(place, recipients, { type: 'membershipChanged', subject, state: subjectState, members });
  const moved = parent !== before;
  if (moved) drafts.push(...changeDrafts(place, recipients, { type: 'parentChanged', from: before, to: parent, cause }));
  return { parent, members, parentChange: moved ? { from: before, to: parent } : null, drafts };
}

/** R10: the cause a membership action gives a parent change. */
export const causeOf = (action: 'disable' | 'enable' | 'remove'): ParentChangeCause =>
  action === 'enable' ? 'reopened' : action === 'disable' ? 'disabled' : 'removed';
