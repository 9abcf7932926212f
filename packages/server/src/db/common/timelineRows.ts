// The audit timeline's rows (issue 9) as every dialect reads and notes them. Never text (R20).
import type { TimelineEntry, TimelineWhat } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { timelineDraft, type TimelineDraft } from '@onenumber/core/storage-kit';
import { timelineDraftSchema } from './schemas';

export interface TimelineRow {
  id: number;
  channel: string;
  at: string;
  what: string;
  service: string | null;
  agent: string | null;
  from_service: string | null;
  to_service: string | null;
  message: string | null;
  status: string | null;
  why: string;
}

export const toTimelineEntry = (row: TimelineRow): TimelineEntry => ({
  id: String(row.id),
  channel: row.channel,
  at: row.at,
  what: row.what as TimelineWhat,
  service: row.service,
  agent: row.agent,
  from: row.from_service,
  to: row.to_service,
  message: row.message,
  status: row.status as TimelineEntry['status'],
  why: row.why,
});

/** R23: an entry noted from outside the storage, validated: no unknown keys (so no text), a known `what`. */
export const notedEntry = (entry: unknown): TimelineDraft =>
  timelineDraft(parseInput(timelineDraftSchema, entry, 'entry'));
