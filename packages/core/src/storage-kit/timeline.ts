// R9, R20, R33: a channel's audit timeline as its reader sees it. The parent reads the timeline,
// but an entry about another service's assignment (or confirmation) does not name that service's
// agent to it, by id or otherwise: it reads `agent: null`, as an assignmentChanged event does.
import type { TimelineEntry } from '../storage/timeline';

export const projectTimelineEntry = (entry: TimelineEntry, reader: string): TimelineEntry =>
  entry.agent !== null && entry.service !== reader ? { ...entry, agent: null } : entry;
