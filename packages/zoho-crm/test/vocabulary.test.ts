// CRM's own words: contacts are the customers, users are the agents; the catalogue's CRM policy
// shows the sending agent's name on other services' replies, never their text (R17, R18, R20, R27, R33).
import { describe, expect, it } from 'vitest';
import { crmAdapter, crmSchemas, type CrmEvent } from '../src';
import { CONTACT, NUMBER, crmWorld, refusedField } from './support';

describe('@onenumber/zoho-crm vocabulary', () => {
  it('is defined as data: service crm, display name, conversation/contact/user; no policy of its own (R33)', () => {
    expect(crmAdapter).toMatchObject({ service: 'crm', displayName: 'Zoho CRM' });
    expect(crmAdapter).not.toHaveProperty('policy');
    expect(crmAdapter.vocabulary).toEqual({
      conversation: 'conversation',
      customer: 'contact',
      agent: 'user',
      labels: [],
    });
  });

  it("R18: CRM sees a Desk reply with the Desk agent's name, never its text, in views and events", async () => {
    const { onenumber, crm } = crmWorld();
    await crm.connect(NUMBER);
    await onenumber.connect({ org: 'acme', service: 'desk', number: NUMBER });
    const masked = new Promise<CrmEvent<'reply'>>((resolve) => crm.on('reply', resolve));
    await onenumber.receive({ number: NUMBER, customer: CONTACT, text: 'Hello', id: 'wamid.c1' });
    await onenumber.reply({
      org: 'acme',
      service: 'desk',
      agent: 'ben',
      number: NUMBER,
      customer: CONTACT,
      text: 'desk-only words',
    });
    const event = await masked;
    expect(event).toMatchObject({
      contact: CONTACT,
      message: { service: 'desk', masked: true, text: null, agent: null, agentName: 'Ben' },
    });
    const view = await crm.view({ user: 'chris', number: NUMBER, contact: CONTACT });
    expect(view.messages[1]).toMatchObject({
      service: 'desk',
      masked: true,
      text: null,
      agent: null,
      agentName: 'Ben',
    });
    expect(JSON.stringify([event, view])).not.toContain('desk-only words');
    crm.close();
  });

  it('R16, R24: a CRM user replies to a contact; the result names the conversation and the contact', async () => {
    const { onenumber, crm } = crmWorld();
    await crm.connect(NUMBER);
    const { conversation } = await onenumber.receive({
      number: NUMBER,
      customer: '819012345678',
      text: 'Quote?',
      id: 'wamid.c2',
    });
    const sent = await crm.reply({ user: 'chris', number: NUMBER, contact: CONTACT, text: 'Sending it now.' });
    expect(sent).toEqual({ message: expect.any(String), conversation, number: NUMBER, contact: CONTACT });
    expect(await crm.view({ user: 'chris', number: NUMBER, contact: CONTACT })).toMatchObject({
      conversation,
      assignee: 'chris',
    });
  });

  it("R27: `agent` and `customer` are not CRM's words: refused, naming CRM's field", async () => {
    const { crm } = crmWorld();
    await crm.connect(NUMBER);
    expect(await refusedField(crm.view({ agent: 'chris', number: NUMBER, contact: CONTACT } as never))).toBe('user');
    expect(await refusedField(crm.view({ user: 'chris', number: NUMBER, customer: CONTACT } as never))).toBe('contact');
    expect(crmSchemas.reply.safeParse({ user: 'chris', number: NUMBER, contact: CONTACT, text: 'ok' }).success).toBe(
      true,
    );
  });
});
