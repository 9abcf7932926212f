// Desk's own words: a ticket is the conversation with a contact on a number; agents act on it;
// a department label is carried through, never stored (R17, R18, R20, R22, R27).
import { describe, expect, it } from 'vitest';
import { deskAdapter, deskSchemas, type DeskEvent } from '../src';
import { CONTACT, NUMBER, deskWorld, refusedField } from './support';

describe('@onenumber/zoho-desk vocabulary', () => {
  it('is defined as data: service desk, display name, ticket/contact/agent/department; no policy of its own (R33)', () => {
    expect(deskAdapter).toMatchObject({ service: 'desk', displayName: 'Zoho Desk' });
    expect(deskAdapter).not.toHaveProperty('policy');
    expect(deskAdapter.vocabulary).toEqual({
      conversation: 'ticket',
      customer: 'contact',
      agent: 'agent',
      labels: ['department'],
    });
  });

  it('R15, R16: a new message names its ticket and contact; replying with them answers the same ticket', async () => {
    const { onenumber, desk } = deskWorld();
    await desk.connect(NUMBER);
    const arrived = new Promise<DeskEvent<'message'>>((resolve) => desk.on('message', resolve));
    await onenumber.receive({ number: NUMBER, customer: '819012345678', text: 'My parcel is late', id: 'wamid.d1' });
    const { ticket, contact, number, message } = await arrived;
    expect([contact, number, message.text]).toEqual([CONTACT, NUMBER, 'My parcel is late']);
    const sent = await desk.reply({ agent: 'ben', number, contact, text: 'Sorry, checking now.' });
    expect(sent).toMatchObject({ ticket, contact, number });
    desk.close();
  });

  it('department is carried through onto the result; it is never stored nor shown to other services', async () => {
    const { onenumber, desk } = deskWorld();
    await desk.connect(NUMBER);
    await onenumber.connect({ org: 'acme', service: 'crm', number: NUMBER });
    await onenumber.receive({ number: NUMBER, customer: CONTACT, text: 'Refund please', id: 'wamid.d2' });
    const sent = await desk.reply({
      agent: 'ben',
      number: NUMBER,
      contact: CONTACT,
      department: 'Billing',
      text: 'Refund issued.',
    });
    expect(sent.department).toBe('Billing');
    expect(await desk.view({ agent: 'ben', number: NUMBER, contact: CONTACT })).not.toHaveProperty('department');
    const crm = await onenumber.view({ org: 'acme', service: 'crm', agent: 'aiko', number: NUMBER, customer: CONTACT });
    // R33: the catalogue shows CRM the sending agent's name, never the text
    expect(crm.messages[1]).toMatchObject({ service: 'desk', masked: true, text: null, agent: null, agentName: 'Ben' });
    const everything = JSON.stringify([crm, await onenumber.events({ org: 'acme', service: 'crm' })]);
    expect(everything).not.toContain('Billing');
    expect(everything).not.toContain('Refund issued.');
  });

  it("R18, R33: Desk sees a CRM reply with neither text nor agent name (the catalogue's Desk policy)", async () => {
    const { onenumber, desk } = deskWorld();
    await onenumber.connect({ org: 'acme', service: 'crm', number: NUMBER });
    await desk.connect(NUMBER);
    await onenumber.receive({ number: NUMBER, customer: CONTACT, text: 'Hi', id: 'wamid.d3' });
    await onenumber.reply({
      org: 'acme',
      service: 'crm',
      agent: 'aiko',
      number: NUMBER,
      customer: CONTACT,
      text: 'crm-only words',
    });
    const view = await desk.view({ agent: 'ben', number: NUMBER, contact: CONTACT });
    expect(view.messages[1]).toMatchObject({ service: 'crm', masked: true, text: null, agent: null, agentName: null });
    expect(view.notice).toMatchObject({ code: 'ASSIGNED_IN_OTHER_SERVICE', service: 'crm', agent: null });
    expect(view.notice?.messages.en).toContain('Zoho Desk'); // R22: "you can assign it to yourself in Zoho Desk"
  });

  it("R27: the spec's words are not Desk's: `customer` and `service` are refused, naming the field", async () => {
    const { desk } = deskWorld();
    await desk.connect(NUMBER);
    expect(await refusedField(desk.view({ agent: 'ben', number: NUMBER, customer: CONTACT } as never))).toBe('contact');
    expect(
      await refusedField(desk.view({ agent: 'ben', number: NUMBER, contact: CONTACT, service: 'crm' } as never)),
    ).toBe('service');
    expect(
      await refusedField(desk.reply({ agent: 'ben', number: NUMBER, contact: CONTACT, department: '', text: 'x' })),
    ).toBe('department');
    expect(
      deskSchemas.view.safeParse({ agent: 'ben', number: NUMBER, contact: CONTACT, department: 'Sales' }).success,
    ).toBe(true);
  });
});
