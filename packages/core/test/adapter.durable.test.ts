// Issue 9: an adapter created with `durable: true` resumes its live events from the service's
// stored cursor after downtime: each event once, none lost.
import { expect, it } from 'vitest';
import { createMemoryDirectory, createOneNumber, defineServiceAdapter } from '../src';
import { createMemoryStorage } from '../../storage-memory/src';

const number = '+81312345678';
const settle = () => new Promise((r) => setTimeout(r, 30));

it('issue 9: a durable adapter receives what it missed while closed, each message once', async () => {
  const directory = createMemoryDirectory({
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    numbers: [{ number, verified: true }],
  });
  const onenumber = createOneNumber({ storage: createMemoryStorage({ directory }), directory });
  const desk = defineServiceAdapter({
    service: 'desk',
    displayName: 'Zoho Desk',
    vocabulary: { conversation: 'ticket', customer: 'contact', agent: 'agent' },
  });
  const seen: string[] = [];
  const start = () => {
    const adapter = desk.create({ onenumber, org: 'acme', durable: true });
    adapter.on('message', (e) => seen.push(String(e.message.text)));
    return adapter;
  };
  let adapter = start();
  await adapter.connect(number);
  await settle();
  await onenumber.receive({ number, customer: '+819012345678', text: 'one', id: 'w1' });
  await settle();
  adapter.close();
  await onenumber.receive({ number, customer: '+819012345678', text: 'two', id: 'w2' });
  adapter = start();
  await settle();
  await onenumber.receive({ number, customer: '+819012345678', text: 'three', id: 'w3' });
  await settle();
  adapter.close();
  expect(seen).toEqual(['one', 'two', 'three']);
});
