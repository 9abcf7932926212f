// ChannelStorage on a server database, for every dialect: the stores above on the dialect's
// runner, and event streams read by cursor and followed live through the dialect's event hub.
import type { ChannelEvent, ChannelStorage } from '@onenumber/core';
import { parseInput } from '@onenumber/core/schemas';
import { storageSpecificationVersion, type EventQuery } from '@onenumber/core/storage-kit';
import type { EventHub } from '../common/eventHub';
import { parseCursor, readLimitSchema } from '../common/cursors';
import { guarded } from '../common/errors';
import type { Runner } from '../port/runner';
import { conversationStore } from './conversationStore';
import { readEvents } from './eventReader';
import { inboundStore } from './inboundStore';
import { membershipStore } from './membershipStore';
import type { SendRoute } from '../common/sendRoute';
import { listStore } from './listStore';
import { readStore } from './readStore';
import { statusStore } from './statusStore';
import { timelineStore } from './timelineStore';

export function channelStorage(
  db: Runner,
  hub: EventHub,
  close: () => Promise<void>,
  route: SendRoute = { transport: false },
): ChannelStorage {
  return {
    specificationVersion: storageSpecificationVersion,
    name: db.dialect,
    ...membershipStore(db),
    ...inboundStore(db),
    ...conversationStore(db, route),
    ...readStore(db, route),
    ...listStore(db),
    ...statusStore(db),
    ...timelineStore(db),
    events: (query: EventQuery): Promise<ChannelEvent[]> =>
      guarded(() => {
        const after = parseCursor(query.after) ?? 0;
        const limit = parseInput(readLimitSchema, query.limit, 'limit') ?? null;
        return db.run(() => readEvents(query.org, query.service, after, limit));
      }),
    subscribe: (query: EventQuery, listener: (event: ChannelEvent) => void): (() => void) =>
      hub.subscribe(query, parseCursor(query.after), listener),
    close,
  };
}
