// Issue 9 on memory: the audit timeline of each channel, and each service's durable cursor.
import type { TimelineEntry } from '@onenumber/core';
import {
  channelIn,
  projectTimelineEntry,
  timelineDraft,
  type TimelineDraft,
  type TimelineQuery,
} from '@onenumber/core/storage-kit';
import { key, type ChannelRow, type MemoryState } from './state';

export function record(state: MemoryState, channel: ChannelRow, draft: Parameters<typeof timelineDraft>[0]): void {
  channel.timeline.push({ id: String(++state.timelineSeq), ...timelineDraft(draft) });
}

export function timelineOps(state: MemoryState) {
  const channelOf = (org: string, id: string) => channelIn(state.channels.get(id), org);
  return {
    async timeline(input: TimelineQuery): Promise<TimelineEntry[]> {
      const entries = channelOf(input.org, input.channel).timeline;
      const after = input.after ? Number(input.after) : 0;
      const start = entries.findIndex((e) => Number(e.id) > after);
      if (start < 0) return [];
      // R33: as the reading service may see it (another service's agent is not named).
      return entries
        .slice(start, input.limit ? start + input.limit : undefined)
        .map((e) => projectTimelineEntry({ ...e }, input.service));
    },
    async note(input: { org: string; entry: TimelineDraft }): Promise<void> {
      record(state, channelOf(input.org, input.entry.channel), input.entry);
    },
    async loadCursor(input: { org: string; service: string }): Promise<string | null> {
      return state.cursors.get(key(input.org, input.service)) ?? null;
    },
    async saveCursor(input: { org: string; service: string; cursor: string }): Promise<void> {
      const k = key(input.org, input.service);
      const current = state.cursors.get(k);
      // A cursor only moves forward, so a late or repeated save never replays events.
      if (!current || Number(input.cursor) > Number(current)) state.cursors.set(k, input.cursor);
    },
  };
}
