// A store's work as a generator of requests (statements by name, events, timeline entries): the
// store logic is written once, and each dialect's runner answers the requests, synchronously
// inside SQLite's group commit, or with `await` on a PostgreSQL transaction. A store writes
// `const owner = yield* one('lockNumber', number)`, typed by the catalogue.
import { eventDrafts, type Announcement, type EventDraft, type TimelineDraft } from '@onenumber/core/storage-kit';
import type { ParamsOf, RowOf, StatementName } from './catalogue';

export type Request =
  | { op: 'one' | 'all' | 'run'; name: StatementName; params: readonly unknown[] }
  /** Events to store with the change (SQLite: now; PostgreSQL: numbered just before COMMIT). */
  | { op: 'emit'; drafts: readonly EventDraft[] }
  /** Audit timeline entries (issue 9) to store with the change they describe. */
  | { op: 'record'; org: string; entries: readonly TimelineDraft[] }
  /** Lanes this write will change, held first so each lane's events keep its commit order (PostgreSQL; SQLite: one writer). */
  | { op: 'order'; lanes: readonly string[] }
  /** R35: tokens revoked or rotated, told to the other processes at commit (SQLite: a logged change they poll; PostgreSQL: NOTIFY). */
  | { op: 'tokensChanged'; ids: readonly string[]; what: 'revoked' | 'rotated'; at: string };

/** Work that yields requests and returns T. */
export type Steps<T> = Generator<Request, T, unknown>;

/** The statement's first row, or undefined. */
export function* one<N extends StatementName>(name: N, ...params: ParamsOf<N>): Steps<RowOf<N> | undefined> {
  return (yield { op: 'one', name, params }) as RowOf<N> | undefined;
}

export function* all<N extends StatementName>(name: N, ...params: ParamsOf<N>): Steps<RowOf<N>[]> {
  return (yield { op: 'all', name, params }) as RowOf<N>[];
}

/** Runs a statement; answers the number of rows it wrote. */
export function* run<N extends StatementName>(name: N, ...params: ParamsOf<N>): Steps<number> {
  return (yield { op: 'run', name, params }) as number;
}

/** R20: core's announcements, projected for each recipient (projectEvent), stored with the change. */
export function* announce(announcements: readonly Announcement[]): Steps<void> {
  const drafts = announcements.flatMap(eventDrafts);
  if (drafts.length) yield { op: 'emit', drafts };
}

export function* record(org: string, entries: readonly TimelineDraft[]): Steps<void> {
  if (entries.length) yield { op: 'record', org, entries };
}

export function* tokensChanged(ids: readonly string[], what: 'revoked' | 'rotated', at: string): Steps<void> {
  yield { op: 'tokensChanged', ids, what, at };
}

/** A lane's events are delivered in order (R34): a conversation's (every channel of the number, one customer) or a channel's own. */
export const conversationLane = (number: string, customer: string): string => `cv ${number} ${customer}`;
export const channelLane = (number: string): string => `ch ${number}`;

/** Before a write's first statement that writes or locks a row (PostgreSQL assigns its transaction id there). */
export function* order(...lanes: string[]): Steps<void> {
  yield { op: 'order', lanes };
}
