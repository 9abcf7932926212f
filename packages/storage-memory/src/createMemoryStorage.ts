// ChannelStorage in memory. One process only: for tests, scenarios and single-process apps. It
// decides with the memory directory it is given, as the server decides with its database
// (R22..R24: the agents' names and access; R33: the masking policy in force).
import { OneNumberError, type ChannelStorage, type MemoryDirectory } from '@onenumber/core';
import { storageSpecificationVersion, type EventQuery } from '@onenumber/core/storage-kit';
import { decisionOps } from './decisionOps';
import { EventLog } from './eventLog';
import { membershipOps } from './membershipOps';
import { messageOps } from './messageOps';
import { listOps } from './listOps';
import { readOps } from './readOps';
import { MemoryState } from './state';
import { timelineOps } from './timelineOps';

export interface MemoryStorageOptions {
  /**
   * The directory the storage decides with: the same one `createOneNumber` reads. An admin's
   * policy change on it (`setPolicy`, R33) applies from then on.
   */
  directory: MemoryDirectory;
}

const isMemoryDirectory = (value: unknown): value is MemoryDirectory =>
  typeof value === 'object' &&
  value !== null &&
  ['agent', 'policyOf', 'setPolicy'].every((k) => typeof (value as Record<string, unknown>)[k] === 'function');

export function createMemoryStorage(options: MemoryStorageOptions): ChannelStorage {
  const directory = options?.directory;
  if (!isMemoryDirectory(directory)) {
    throw new OneNumberError(
      'INVALID_INPUT',
      'options.directory: pass the memory directory (createMemoryDirectory()) that createOneNumber reads too: the storage decides with it (R22..R24, R33).',
      { field: 'directory' },
    );
  }
  const state = new MemoryState();
  const log = new EventLog({
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
    ...messageOps(state, log, directory),
    ...decisionOps(state, directory),
    ...timelineOps(state),
    ...readOps(state),
    ...listOps(state, directory),
    events: async (query: EventQuery) => log.read(query),
    subscribe: (query: EventQuery, listener) => log.subscribe(query, listener),
    close: async () => {},
  };
}
