// ChannelStorage in memory. One process only: for tests, scenarios and single-process apps.
import { storageSpecificationVersion, type ChannelStorage, type EventQuery } from '@onenumber/core';
import { EventLog } from './eventLog';
import { membershipOps } from './membershipOps';
import { messageOps } from './messageOps';
import { MemoryState } from './state';
import { timelineOps } from './timelineOps';

export function createMemoryStorage(): ChannelStorage {
  const state = new MemoryState();
  const log = new EventLog({
    policyOf: (channel, service) => state.channels.get(channel)?.memberships.get(service)?.policy,
    placeOf: (message) => {
      const channel = state.channels.get(message.channel)!;
      return {
        org: channel.org,
        number: channel.number,
        customer: state.conversations.get(message.conversation)!.customer,
      };
    },
  });
  return {
    specificationVersion: storageSpecificationVersion,
    name: 'memory',
    ...membershipOps(state, log),
    ...messageOps(state, log),
    ...timelineOps(state),
    events: async (query: EventQuery) => log.read(query),
    subscribe: (query: EventQuery, listener) => log.subscribe(query, listener),
    close: async () => {},
  };
}
