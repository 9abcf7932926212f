// The shared adapter suite, run here on adapters defined in the test, so core's own `npm test`
// proves the suite and the factory together: once with the default policy, once showing agent names.
import { createMemoryStorage } from '../../storage-memory/src';
import { defineServiceAdapter } from '../src';
import { describeAdapter } from '../src/adapter/testkit';

const ticketAdapter = defineServiceAdapter({
  service: 'desk',
  displayName: 'Zoho Desk',
  policy: { showAgentName: false },
  vocabulary: { conversation: 'ticket', customer: 'contact', agent: 'agent', labels: ['department'] },
});
const namesAdapter = defineServiceAdapter({
  service: 'crm',
  displayName: 'Zoho CRM',
  policy: { showAgentName: true },
  vocabulary: { conversation: 'conversation', customer: 'customer', agent: 'agent' },
});

describeAdapter('a ticket-worded adapter (default policy)', {
  create: (onenumber, org) => ticketAdapter.create({ onenumber, org }),
  service: 'desk',
  expectedPolicy: { showAgentName: false },
  storage: createMemoryStorage,
});

describeAdapter("an adapter in the spec's own words that shows agent names", {
  create: (onenumber, org) => namesAdapter.create({ onenumber, org }),
  service: 'crm',
  expectedPolicy: { showAgentName: true },
  storage: createMemoryStorage,
});
