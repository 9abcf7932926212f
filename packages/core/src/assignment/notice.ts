// R22: the notice a viewer sees when the conversation is held by another agent in another
// service. It names that agent only if the viewer has access to that other service too.
import { noticeMessages } from './noticeText';

export interface Notice {
  code: 'ASSIGNED_IN_OTHER_SERVICE';
  /** The other service holding the conversation. */
  service: string;
  /** The holding agent's name, or null ("another agent") when the viewer lacks that access. */
  agent: string | null;
  /** What to tell the viewer, in English and Japanese (R22: they may assign it to themself). */
  messages: { en: string; ja: string };
}

export interface Assignment {
  service: string;
  agent: string;
  /** Order in which assignments were made (the earliest counts, R22). */
  seq: number;
}

/** What the assignment rules (R21..R24) read of a conversation, where the facts are (the storage, R33). */
export interface AssignmentFacts {
  assignments: readonly Assignment[];
  /** Services with an active membership in the channel (R23: others' assignments count for nothing). */
  activeServices: readonly string[];
}

/** An agent as the rules read it from the directory: name and access (null where it is unknown there). */
export interface AgentFacts {
  name: string;
  access: readonly string[];
}

/** R21: the agent assigned in `service`, or null. */
export const assigneeIn = (facts: AssignmentFacts, service: string): string | null =>
  facts.assignments.find((a) => a.service === service)?.agent ?? null;

/**
 * The assignment that matters for R22..R24: the earliest one held in another, active service by
 * an agent other than `agent`. Assignments of inactive memberships count for nothing (R23).
 */
export function otherServiceHold(facts: AssignmentFacts, service: string, agent: string): Assignment | null {
  let earliest: Assignment | null = null;
  for (const a of facts.assignments) {
    if (a.service === service || a.agent === agent || !facts.activeServices.includes(a.service)) continue;
    if (!earliest || a.seq < earliest.seq) earliest = a;
  }
  return earliest;
}

/** R22: the holder is named only to a viewer with access to the holding service. */
export function buildNotice(
  hold: Assignment,
  holder: AgentFacts | null,
  viewerAccess: readonly string[],
  viewerService: string,
): Notice {
  const named = viewerAccess.includes(hold.service) && holder ? holder.name : null;
  return {
    code: 'ASSIGNED_IN_OTHER_SERVICE',
    service: hold.service,
    agent: named,
    messages: noticeMessages(hold.service, named, viewerService),
  };
}

/**
 * R22: a notice unless the viewer holds the conversation in this service or nobody else does.
 * `holder` is the directory entry of the hold's agent (otherServiceHold), read where the facts are.
 */
export function decideNotice(
  facts: AssignmentFacts,
  viewer: { id: string; access: readonly string[] },
  viewerService: string,
  holder: AgentFacts | null,
): Notice | null {
  if (assigneeIn(facts, viewerService) === viewer.id) return null;
  const hold = otherServiceHold(facts, viewerService, viewer.id);
  return hold ? buildNotice(hold, holder, viewer.access, viewerService) : null;
}
