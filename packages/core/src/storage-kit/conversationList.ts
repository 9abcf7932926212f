// A channel's conversations as one service lists them (issue 21, R17..R20, R33, R39): each with its
// customer, its last message projected for that service (masked as a view masks it: never another
// service's reply text or agent), that service's own assignee only, and its unread count (the
// customer's messages after the service's read marker); the most recent activity first, paged by
// an opaque cursor (the last activity and id of the page's last conversation).
import { OneNumberError } from '../errors';
import type { MaskingPolicy } from '../masking/policy';
import type { StoredMessage } from '../masking/message';
import { projectMessage } from '../masking/projectMessage';
import type { ConversationSummary } from '../storage/records';

/** What a storage knows of a conversation before it reads the page's details. */
export interface ListedConversation {
  id: string;
  customer: string;
  /** The time of its last message (any direction). */
  lastActivityAt: string;
}

const cursorOf = (c: ListedConversation) => `${c.lastActivityAt}|${c.id}`;
/** Newest activity first, then by id (descending), so that every conversation has one place. */
const newestFirst = (a: ListedConversation, b: ListedConversation): number => {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt < b.lastActivityAt ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
};

function parseCursor(after: string): ListedConversation {
  const split = after.lastIndexOf('|');
  const at = after.slice(0, split);
  if (split < 1 || Number.isNaN(Date.parse(at)))
    throw new OneNumberError('INVALID_INPUT', 'after: not a cursor this list gave out', { field: 'after' });
  return { lastActivityAt: at, id: after.slice(split + 1), customer: '' };
}

/** The page after `after` (newest first), and the cursor of the next page (null: this was the last). */
export function pageConversations<C extends ListedConversation>(
  all: readonly C[],
  after: string | undefined,
  limit: number,
): { page: C[]; next: string | null } {
  const sorted = [...all].sort(newestFirst);
  const from = after === undefined ? null : parseCursor(after);
  const rest = from ? sorted.filter((c) => newestFirst(from, c) < 0) : sorted;
  const page = rest.slice(0, limit);
  return { page, next: rest.length > limit ? cursorOf(page.at(-1)!) : null };
}

/** One conversation as `service` lists it, from the facts the storage read for it. */
export function summarizeConversation(input: {
  conversation: ListedConversation;
  service: string;
  policy: MaskingPolicy;
  last: StoredMessage | null;
  /** The service's own assignee (R21, R33: never another service's). */
  assignee: string | null;
  unread: number;
}): ConversationSummary {
  const { conversation, last } = input;
  return {
    conversation: conversation.id,
    customer: conversation.customer,
    lastActivityAt: conversation.lastActivityAt,
    lastMessage: last ? projectMessage(last, input.service, input.policy) : null,
    assignee: input.assignee,
    unread: input.unread,
  };
}
