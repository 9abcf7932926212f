// The shared adapter suite (core's testkit) on the Desk adapter, over the memory storage.
import { describeAdapter } from '@onenumber/core/testkit';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { createDeskAdapter } from '../src';

describeAdapter('@onenumber/zoho-desk', {
  create: (onenumber, org) => createDeskAdapter({ onenumber, org }),
  service: 'desk',
  storage: (directory) => createMemoryStorage({ directory }),
});
