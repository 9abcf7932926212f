// The shared adapter suite (core's testkit) on the Desk adapter, over the memory storage.
import { defaultMaskingPolicy } from '@onenumber/core';
import { describeAdapter } from '@onenumber/core/testkit';
import { createMemoryStorage } from '@onenumber/storage-memory';
import { createDeskAdapter } from '../src';

describeAdapter('@onenumber/zoho-desk', {
  create: (onenumber, org) => createDeskAdapter({ onenumber, org }),
  service: 'desk',
  expectedPolicy: defaultMaskingPolicy, // R18, decided: Desk uses the default
  storage: createMemoryStorage,
});
