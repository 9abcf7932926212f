import { createMemoryDirectory } from '@onenumber/core';
import { describeStorage } from '@onenumber/storage-testkit';
import { createMemoryStorage } from '../src';

describeStorage(
  'memory',
  () => {
    const directory = createMemoryDirectory();
    return { storage: createMemoryStorage({ directory }), directory };
  },
  { noTransport: 'the memory storage has no transport: its replies are sent at once (R38)' },
);
