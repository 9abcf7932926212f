// ChannelStorage in memory. One process only: for tests, scenarios and single-process apps.
import { storageSpecificationVersion, type ChannelStorage, type EventQuery } from '@onenumber/core';
import { EventLog } from './eventLog';
import { membershipOps } from './membershipOps';
import { messageOps } from './messageOps';
import { MemoryState } from './state';

export function createMemoryStorage(): ChannelStorage {
  const state = new MemoryState();
  const log = new EventLog();
  return {
    specificationVersion: storageSpecificationVersion,
    name: 'memory',
    ...membershipOps(state, log),
    ...messageOps(state, log),
    events: async (query: EventQuery) => log.read(query),
    subscribe: (query: EventQuery, listener) => log.subscribe(query, listener),
    close: async () => {},
  };
}
