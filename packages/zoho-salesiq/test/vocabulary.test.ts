// SalesIQ's own words: chats with visitors, handled by operators; the catalogue's default policy (R33);
// a standalone SalesIQ gets an isolated channel of its own (R3, R26).
import { describe, expect, it } from 'vitest';
import { createSalesIQAdapter, salesiqAdapter, salesiqSchemas, type SalesIQEvent } from '../src';
import { NUMBER, SOLO_NUMBER, VISITOR, refusedField, salesiqWorld } from './support';

describe('@onenumber/zoho-salesiq vocabulary', () => {
  it('is defined as data: service salesiq, display name, chat/visitor/operator; no policy of its own (R33)', () => {
    expect(salesiqAdapter).toMatchObject({ service: 'salesiq', displayName: 'Zoho SalesIQ' });
    expect(salesiqAdapter).not.toHaveProperty('policy');
    expect(salesiqAdapter.vocabulary).toEqual({
      conversation: 'chat',
      customer: 'visitor',
      agent: 'operator',
      labels: [],
    });
  });

  it("R15, R16: a visitor's message names its chat; an operator answers it", async () => {
    const { onenumber, salesiq } = salesiqWorld();
    await salesiq.connect(NUMBER);
    const arrived = new Promise<SalesIQEvent<'message'>>((resolve) => salesiq.on('message', resolve));
    await onenumber.receive({ number: NUMBER, customer: VISITOR, text: 'Do you ship to Osaka?', id: 'wamid.s1' });
    const { chat, visitor, number } = await arrived;
    const sent = await salesiq.reply({ operator: 'sara', number, visitor, text: 'Yes, in two days.' });
    expect(sent).toEqual({ message: expect.any(String), chat, number: NUMBER, visitor: VISITOR });
    salesiq.close();
  });

  it('R18: SalesIQ sees a Desk reply with neither text nor agent name', async () => {
    const { onenumber, salesiq } = salesiqWorld();
    await onenumber.connect({ org: 'acme', service: 'desk', number: NUMBER });
    await salesiq.connect(NUMBER);
    await onenumber.receive({ number: NUMBER, customer: VISITOR, text: 'Hi', id: 'wamid.s2' });
    await onenumber.reply({
      org: 'acme',
      service: 'desk',
      agent: 'ben',
      number: NUMBER,
      customer: VISITOR,
      text: 'desk-only words',
    });
    const view = await salesiq.view({ operator: 'sara', number: NUMBER, visitor: VISITOR });
    expect(view.messages[1]).toMatchObject({ service: 'desk', masked: true, text: null, agent: null, agentName: null });
    expect(view.notice).toMatchObject({ code: 'ASSIGNED_IN_OTHER_SERVICE', service: 'desk', agent: null });
  });

  it('R3, R26: a standalone SalesIQ gets an isolated channel: its chat is its own, nothing synced', async () => {
    const { onenumber } = salesiqWorld();
    const solo = createSalesIQAdapter({ onenumber, org: 'solo' });
    await onenumber.connect({ org: 'solo', service: 'desk', number: SOLO_NUMBER });
    expect(await solo.connect(SOLO_NUMBER)).toMatchObject({ mode: 'isolated', role: 'parent', reason: 'standalone' });
    await onenumber.receive({ number: SOLO_NUMBER, customer: VISITOR, text: 'Hello', id: 'wamid.s3' });
    await solo.reply({ operator: 'sam', number: SOLO_NUMBER, visitor: VISITOR, text: 'salesiq-only words' });
    const desk = await onenumber.view({
      org: 'solo',
      service: 'desk',
      agent: 'sam',
      number: SOLO_NUMBER,
      customer: VISITOR,
    });
    expect(desk.messages.map((m) => m.direction)).toEqual(['in']); // not even masked (R26)
  });

  it("R27: `agent` and `customer` are not SalesIQ's words: refused, naming SalesIQ's field", async () => {
    const { salesiq } = salesiqWorld();
    expect(await refusedField(salesiq.view({ agent: 'sara', number: NUMBER, visitor: VISITOR } as never))).toBe(
      'operator',
    );
    expect(await refusedField(salesiq.assign({ operator: 'sara', number: NUMBER, customer: VISITOR } as never))).toBe(
      'visitor',
    );
    expect(salesiqSchemas.view.safeParse({ operator: 'sara', number: NUMBER, visitor: VISITOR }).success).toBe(true);
  });
});
