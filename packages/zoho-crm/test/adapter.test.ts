// The shared adapter suite (core's testkit) on the CRM adapter, over the memory storage.
import { describeAdapter } from '@onenumber/core/testkit';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { createCrmAdapter } from '../src';

describeAdapter('@onenumber/zoho-crm', {
  create: (onenumber, org) => createCrmAdapter({ onenumber, org }),
  service: 'crm',
  storage: (directory) => createMemoryStorage({ directory }),
});
