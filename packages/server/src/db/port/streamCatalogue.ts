// Statements reading each service's event stream (rows already projected for it, R20), each
// channel's audit timeline, and each service's durable cursor (issue 9).
import type { TimelineRow } from '../common/timelineRows';
import type { Statement } from './statement';

export interface StreamCatalogue {
  /** A channel's timeline after a cursor; a null limit is none. */
  timelineAfter: Statement<[channel: string, after: number, limit: number | null], TimelineRow>;
  cursorOf: Statement<[org: string, service: string], { cursor: number }>;
  /** A cursor only moves forward: a late or repeated save never replays events. */
  saveCursor: Statement<[org: string, service: string, cursor: number]>;
  /**
   * A service's stored events after a cursor (rows already projected for it, R20); a null limit
   * is none. `held`: a writer below it may still commit (PostgreSQL), so it is not served yet.
   */
  eventsAfter: Statement<
    [org: string, service: string, after: number, limit: number | null],
    { id: number; body: unknown; type: string; channel: string; held: boolean | number }
  >;
}
