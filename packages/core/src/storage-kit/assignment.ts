// R20, R21, R23: a change of one service's assignee in a conversation (set, replaced or cleared):
// the timeline entry with its cause, and the assignmentChanged event to the active members (each
// projected by projectEvent: only the assignment's own service learns the agent).
import type { ElectableMembership } from '../election/electParent';
import { timelineDraft, type TimelineDraft } from '../storage/timeline';
import type { Announcement, Place } from './announcement';
import { activeServices } from './members';

export interface AssignmentEffects {
  /** R21: the service's assignee afterwards (one per service); null clears it. */
  service: string;
  agent: string | null;
  timeline: TimelineDraft;
  announcement: Announcement;
}

export function assignmentEffects(input: {
  place: Place;
  conversation: { id: string; customer: string };
  service: string;
  agent: string | null;
  /** The timeline's cause: assign, confirmed (R23), reply (R24). */
  why: string;
  memberships: readonly ElectableMembership[];
}): AssignmentEffects {
  const { place, conversation, service, agent } = input;
  return {
    service,
    agent,
    timeline: timelineDraft({
      channel: place.channel,
      at: place.at,
      what: agent ? 'assigned' : 'unassigned',
      service,
      agent,
      why: input.why,
    }),
    announcement: {
      place,
      change: {
        type: 'assignmentChanged',
        conversation: conversation.id,
        customer: conversation.customer,
        subject: service,
        agent,
      },
      recipients: activeServices(input.memberships).map((s) => ({ service: s })),
    },
  };
}
