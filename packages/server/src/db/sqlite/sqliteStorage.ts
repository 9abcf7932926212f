// ChannelStorage on SQLite: membership and message writes, event streams, subscriptions.
import {
  parseInput,
  storageSpecificationVersion,
  type ChannelEvent,
  type ChannelStorage,
  type EventQuery,
} from '@onenumber/core';
import { readLimitSchema as limitSchema } from '../common/cursors';
import { guarded } from '../common/errors';
import type { SqliteHandle } from './connection';
import { parseCursor, readEvents } from './eventReader';
import { membershipStore } from './membershipStore';
import { messageStore } from './messageStore';
import { timelineStore } from './timelineStore';

export function sqliteStorage(h: SqliteHandle, close: () => Promise<void>): ChannelStorage {
  return {
    specificationVersion: storageSpecificationVersion,
    name: 'sqlite',
    ...membershipStore(h),
    ...messageStore(h),
    ...timelineStore(h),
    events: (query: EventQuery): Promise<ChannelEvent[]> =>
      guarded(() => {
        const after = parseCursor(query.after) ?? 0;
        const limit = parseInput(limitSchema, query.limit, 'limit');
        return readEvents(h.sql, query.org, query.service, after, limit);
      }),
    subscribe: (query: EventQuery, listener: (event: ChannelEvent) => void): (() => void) =>
      h.hub.subscribe(query, parseCursor(query.after), listener),
    close,
  };
}
