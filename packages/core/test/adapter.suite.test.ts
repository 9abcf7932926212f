// The shared adapter suite, run here on adapters defined in the test, so core's own `npm test`
// proves the suite and the factory together: once as Desk (the catalogue's default policy), once as
// CRM (the catalogue shows other services' agent names to CRM, R33).
import { createMemoryStorage } from '../../storage-memory/src';
import { defineServiceAdapter } from '../src';
import { describeAdapter } from '../src/adapter/testkit';

const ticketAdapter = defineServiceAdapter({
  service: 'desk',
  displayName: 'Zoho Desk',
  vocabulary: { conversation: 'ticket', customer: 'contact', agent: 'agent', labels: ['department'] },
});
const namesAdapter = defineServiceAdapter({
  service: 'crm',
  displayName: 'Zoho CRM',
  vocabulary: { conversation: 'conversation', customer: 'customer', agent: 'agent' },
});

describeAdapter('a ticket-worded adapter (default policy)', {
  create: (onenumber, org) => ticketAdapter.create({ onenumber, org }),
  service: 'desk',
  storage: (directory) => createMemoryStorage({ directory }),
});

describeAdapter("an adapter in the spec's own words that shows agent names", {
  create: (onenumber, org) => namesAdapter.create({ onenumber, org }),
  service: 'crm',
  storage: (directory) => createMemoryStorage({ directory }),
});
