// R27, R28: malformed SDK calls get a OneNumberError with the right code, naming the field, and
// change nothing: members, settings, views and every service's events are the same afterwards.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OneNumber } from '../src';
import { C1, C2, N1, connectAll, makeWorld, refusal } from './support/world';

const services = ['crm', 'desk', 'salesiq', 'books'] as const;
const viewer: Record<string, string> = { crm: 'a', desk: 'b', salesiq: 's', books: 'k' };

async function snapshot(one: OneNumber) {
  const state: Record<string, unknown> = { shared: await one.members({ org: 'acme', number: N1 }) };
  for (const service of services) {
    state[`members:${service}`] = await one.members({ org: 'acme', number: N1, service });
    state[`events:${service}`] = await one.events({ org: 'acme', service });
    for (const customer of [C1, C2])
      state[`view:${service}:${customer}`] = await one.view({
        org: 'acme',
        service,
        agent: viewer[service]!,
        number: N1,
        customer,
      });
  }
  return state;
}

const huge = 'x'.repeat(100_000);
const base = { org: 'acme', service: 'crm', number: N1 };
const onCustomer = { ...base, agent: 'a', customer: C1 };

/** [what, call, code, field (exact)] */
type Case = [string, (one: OneNumber) => Promise<unknown>, 'INVALID_INPUT' | 'INVALID_NUMBER', string];
const bad = (input: unknown) => input as never;
const cases: Case[] = [
  ['connect: not an object', (one) => one.connect(bad(null)), 'INVALID_INPUT', 'input'],
  ['connect: an array', (one) => one.connect(bad([base])), 'INVALID_INPUT', 'input'],
  [
    'connect: service of the wrong type',
    (one) => one.connect(bad({ ...base, service: 5 })),
    'INVALID_INPUT',
    'service',
  ],
  [
    'connect: service not an id',
    (one) => one.connect(bad({ ...base, service: 'CRM; drop' })),
    'INVALID_INPUT',
    'service',
  ],
  ['connect: org missing', (one) => one.connect(bad({ service: 'crm', number: N1 })), 'INVALID_INPUT', 'org'],
  ['connect: huge org', (one) => one.connect(bad({ ...base, org: huge })), 'INVALID_INPUT', 'org'],
  ['connect: unknown key', (one) => one.connect(bad({ ...base, role: 'parent' })), 'INVALID_INPUT', 'role'],
  [
    'connect: R33, a policy of the caller (the server chooses it)',
    (one) => one.connect(bad({ ...base, policy: { showAgentName: true } })),
    'INVALID_INPUT',
    'policy',
  ],
  [
    'connect: R33, a policy asking for text',
    (one) => one.connect(bad({ ...base, policy: { showText: true } })),
    'INVALID_INPUT',
    'policy',
  ],
  [
    'connect: number without country code',
    (one) => one.connect({ ...base, number: '03-1234-5678' }),
    'INVALID_NUMBER',
    'number',
  ],
  ['connect: number too short', (one) => one.connect({ ...base, number: '+81 3' }), 'INVALID_NUMBER', 'number'],
  ['connect: number of letters', (one) => one.connect({ ...base, number: '+81 three' }), 'INVALID_NUMBER', 'number'],
  [
    'connect: huge number',
    (one) => one.connect({ ...base, number: `+81${'1'.repeat(5000)}` }),
    'INVALID_INPUT',
    'number',
  ],
  [
    'connect: number of the wrong type',
    (one) => one.connect(bad({ ...base, number: 81312345678 })),
    'INVALID_INPUT',
    'number',
  ],
  ['disable: bad number', (one) => one.disable({ ...base, number: '12345' }), 'INVALID_NUMBER', 'number'],
  ['enable: unknown key', (one) => one.enable(bad({ ...base, force: true })), 'INVALID_INPUT', 'force'],
  ['remove: empty service', (one) => one.remove(bad({ ...base, service: '' })), 'INVALID_INPUT', 'service'],
  [
    'members: service of the wrong type',
    (one) => one.members(bad({ org: 'acme', number: N1, service: ['crm'] })),
    'INVALID_INPUT',
    'service',
  ],
  [
    'configure: unknown settings key',
    (one) => one.configure(bad({ ...base, settings: { color: 'green' } })),
    'INVALID_INPUT',
    'settings.color',
  ],
  [
    'configure: settings not an object',
    (one) => one.configure(bad({ ...base, settings: 'Acme' })),
    'INVALID_INPUT',
    'settings',
  ],
  [
    'configure: displayName too long',
    (one) => one.configure({ ...base, settings: { displayName: 'n'.repeat(101) } }),
    'INVALID_INPUT',
    'settings.displayName',
  ],
  [
    'configure: huge greeting',
    (one) => one.configure({ ...base, settings: { greeting: huge } }),
    'INVALID_INPUT',
    'settings.greeting',
  ],
  [
    'receive: empty customer',
    (one) => one.receive({ number: N1, customer: '', text: 'x', id: 'bad-1' }),
    'INVALID_INPUT',
    'customer',
  ],
  [
    'receive: blank customer',
    (one) => one.receive({ number: N1, customer: '   ', text: 'x', id: 'bad-2' }),
    'INVALID_INPUT',
    'customer',
  ],
  [
    'receive: huge text',
    (one) => one.receive({ number: N1, customer: C1, text: huge, id: 'bad-3' }),
    'INVALID_INPUT',
    'text',
  ],
  [
    'receive: bad time',
    (one) => one.receive({ number: N1, customer: C1, text: 'x', id: 'bad-4', at: 'yesterday' }),
    'INVALID_INPUT',
    'at',
  ],
  ['receive: empty id', (one) => one.receive({ number: N1, customer: C1, text: 'x', id: '' }), 'INVALID_INPUT', 'id'],
  [
    'receive: bad number',
    (one) => one.receive({ number: '0312345678', customer: C1, text: 'x', id: 'bad-5' }),
    'INVALID_NUMBER',
    'number',
  ],
  [
    'receive: unknown key',
    (one) => one.receive(bad({ number: N1, customer: C1, text: 'x', id: 'bad-6', service: 'crm' })),
    'INVALID_INPUT',
    'service',
  ],
  ['reply: empty text', (one) => one.reply({ ...onCustomer, text: '' }), 'INVALID_INPUT', 'text'],
  ['reply: huge text', (one) => one.reply({ ...onCustomer, text: huge }), 'INVALID_INPUT', 'text'],
  [
    'reply: text of the wrong type',
    (one) => one.reply(bad({ ...onCustomer, text: { body: 'x' } })),
    'INVALID_INPUT',
    'text',
  ],
  ['reply: empty agent', (one) => one.reply({ ...onCustomer, agent: '', text: 'x' }), 'INVALID_INPUT', 'agent'],
  [
    'reply: huge customer',
    (one) => one.reply({ ...onCustomer, customer: huge, text: 'x' }),
    'INVALID_INPUT',
    'customer',
  ],
  ['reply: bad number', (one) => one.reply({ ...onCustomer, number: '+0 000', text: 'x' }), 'INVALID_NUMBER', 'number'],
  [
    'reply: sending agent asserted by the caller',
    (one) => one.reply(bad({ ...onCustomer, text: 'x', agentName: 'Boss' })),
    'INVALID_INPUT',
    'agentName',
  ],
  [
    'assign: confirm of the wrong type',
    (one) => one.assign(bad({ ...onCustomer, confirm: 'yes' })),
    'INVALID_INPUT',
    'confirm',
  ],
  [
    'assign: access asserted by the caller',
    (one) => one.assign(bad({ ...onCustomer, access: ['desk'] })),
    'INVALID_INPUT',
    'access',
  ],
  ['view: agent of the wrong type', (one) => one.view(bad({ ...onCustomer, agent: 7 })), 'INVALID_INPUT', 'agent'],
  [
    'updateStatus: a status that is not a report (R38: nothing reports a reply back to pending)',
    (one) => one.updateStatus(bad({ org: 'acme', message: 'msg_1', status: 'pending' })),
    'INVALID_INPUT',
    'status',
  ],
  [
    'updateStatus: huge error title',
    (one) => one.updateStatus({ org: 'acme', message: 'msg_1', status: 'failed', error: { code: 1, title: huge } }),
    'INVALID_INPUT',
    'error.title',
  ],
  ['events: limit zero', (one) => one.events({ org: 'acme', service: 'crm', limit: 0 }), 'INVALID_INPUT', 'limit'],
  [
    'events: limit of the wrong type',
    (one) => one.events(bad({ org: 'acme', service: 'crm', limit: '10' })),
    'INVALID_INPUT',
    'limit',
  ],
  ['feed: service missing', async (one) => one.feed(bad({ org: 'acme' })), 'INVALID_INPUT', 'service'],
];

describe('bad input (R27, R28)', () => {
  let one: OneNumber;
  let before: Record<string, unknown>;

  beforeAll(async () => {
    ({ one } = makeWorld());
    await connectAll(one, N1, ['crm', 'desk', 'salesiq', 'books']);
    await one.configure({ ...base, settings: { displayName: 'Acme' } });
    await one.receive({ number: N1, customer: C1, text: 'hello', id: 'w1' });
    await one.receive({ number: N1, customer: C2, text: 'hi there', id: 'w2' });
    await one.reply({ ...onCustomer, text: 'crm answer' });
    await one.assign({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C2 });
    before = await snapshot(one);
  });

  it.each(cases)('R27: %s is refused with the right code, naming the field', async (_what, call, code, field) => {
    const error = await refusal(call(one), code);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).not.toContain(huge.slice(0, 100));
  });

  it('R27: bad input never corrupts state: members, settings, views and events are unchanged', async () => {
    for (const [, call] of cases) await call(one).catch(() => undefined);
    expect(await snapshot(one)).toEqual(before);
    // The same provider ids are still free: nothing was stored under them.
    expect(await one.receive({ number: N1, customer: C1, text: 'after', id: 'bad-3' })).toMatchObject({
      duplicate: false,
    });
  });
});
