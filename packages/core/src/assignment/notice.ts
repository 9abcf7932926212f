// R22: the notice a viewer sees when the conversation is held by another agent in another
// service. It names that agent only if the viewer has access to that other service too.
import type { AgentEntry } from '../directory/Directory';
import type { Assignment, ConversationState } from '../storage/records';
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

export const assigneeIn = (conversation: ConversationState, service: string): string | null =>
  conversation.assignments.find((a) => a.service === service)?.agent ?? null;

/**
 * The assignment that matters for R22..R24: the earliest one held in another, active service by
 * an agent other than `agent`. Assignments of inactive memberships count for nothing (R23).
 */
export function otherServiceHold(conversation: ConversationState, service: string, agent: string): Assignment | null {
  let earliest: Assignment | null = null;
  for (const a of conversation.assignments) {
    if (a.service === service || a.agent === agent || !conversation.activeServices.includes(a.service)) continue;
    if (!earliest || a.seq < earliest.seq) earliest = a;
  }
  return earliest;
}

export function buildNotice(
  hold: Assignment,
  holder: AgentEntry | null,
  viewer: AgentEntry,
  viewerService: string,
): Notice {
  const named = viewer.access.includes(hold.service) && holder ? holder.name : null;
  return {
    code: 'ASSIGNED_IN_OTHER_SERVICE',
    service: hold.service,
    agent: named,
    messages: noticeMessages(hold.service, named, viewerService),
  };
}

/** R22: a notice unless the viewer holds the conversation in this service or nobody else does. */
export async function decideNotice(
  conversation: ConversationState,
  viewer: AgentEntry,
  viewerService: string,
  lookup: (agentId: string) => Promise<AgentEntry | null>,
): Promise<Notice | null> {
  if (assigneeIn(conversation, viewerService) === viewer.id) return null;
  const hold = otherServiceHold(conversation, viewerService, viewer.id);
  return hold ? buildNotice(hold, await lookup(hold.agent), viewer, viewerService) : null;
}
