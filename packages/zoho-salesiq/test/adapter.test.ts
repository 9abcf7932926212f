// The shared adapter suite (core's testkit) on the SalesIQ adapter, over the memory storage.
import { describeAdapter } from '@onenumber/core/testkit';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { createSalesIQAdapter } from '../src';

describeAdapter('@onenumber/zoho-salesiq', {
  create: (onenumber, org) => createSalesIQAdapter({ onenumber, org }),
  service: 'salesiq',
  storage: (directory) => createMemoryStorage({ directory }),
});
