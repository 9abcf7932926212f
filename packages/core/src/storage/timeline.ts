// Issue 9: the audit timeline of a channel: every join, leave, election, assignment, confirmation
// and status change, in order (who, what, when, why). It never holds message text (R20).

export type TimelineWhat =
  | 'joined'
  | 'disabled'
  | 'enabled'
  | 'removed'
  | 'elected'
  | 'assigned'
  | 'unassigned'
  | 'confirmation-requested'
  | 'status';

export interface TimelineEntry {
  /** A cursor: pass it as `after` to read the next page. */
  id: string;
  channel: string;
  at: string;
  what: TimelineWhat;
  /** The service the entry is about (the member, the assigning service, the sender of a reply). */
  service: string | null;
  /** The agent involved (assignee, or the agent asking to assign), when there is one. */
  agent: string | null;
  /** Election: the parent before and after. */
  from: string | null;
  to: string | null;
  /** Status entries: the reply's id and new status. */
  message: string | null;
  status: string | null;
  /** Why it happened, as a short code: connected, reconnected, disabled, enabled, removed,
   * parent-disabled, parent-removed, reopened, created, assign, reply, confirmed, provider-report. */
  why: string;
}

/** What a storage records; it adds `id` (and keeps the order). */
export type TimelineDraft = Omit<TimelineEntry, 'id'>;

export const timelineDraft = (
  d: Partial<TimelineDraft> & Pick<TimelineDraft, 'channel' | 'at' | 'what' | 'why'>,
): TimelineDraft => ({
  service: null,
  agent: null,
  from: null,
  to: null,
  message: null,
  status: null,
  ...d,
});
