// ChannelStorage on PostgreSQL: membership and message writes, event streams, subscriptions fed
// by LISTEN/NOTIFY (a subscriber on one replica sees what a request to another one caused).
import {
  parseInput,
  storageSpecificationVersion,
  type ChannelEvent,
  type ChannelStorage,
  type EventQuery,
} from '@onenumber/core';
import { parseCursor, readLimitSchema } from '../common/cursors';
import type { PgHandle } from './connection';
import { membershipStore } from './membershipStore';
import { messageStore } from './messageStore';
import { readEvents } from './eventReader';
import { pgGuarded as guarded } from './pgErrors';
import { timelineStore } from './timelineStore';

export function postgresStorage(h: PgHandle, close: () => Promise<void>): ChannelStorage {
  return {
    specificationVersion: storageSpecificationVersion,
    name: 'postgres',
    ...membershipStore(h),
    ...messageStore(h),
    ...timelineStore(h),
    events: (query: EventQuery): Promise<ChannelEvent[]> =>
      guarded(async () => {
        const after = parseCursor(query.after) ?? 0;
        const limit = parseInput(readLimitSchema, query.limit, 'limit') ?? null;
        return readEvents(h.db, query.org, query.service, after, limit);
      }),
    subscribe: (query: EventQuery, listener: (event: ChannelEvent) => void): (() => void) =>
      h.hub.subscribe(query, parseCursor(query.after), listener),
    close,
  };
}
