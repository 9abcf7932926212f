// R1..R5 through the public API: who shares, who is isolated and why, and who owns a number.
import { describe, expect, it } from 'vitest';
import { C1, N1, N2, UNVERIFIED, connectAll, makeWorld, refusal, servicesOf } from './support/world';

describe('who may share (R1..R5)', () => {
  it('R1: a bundle service of a bundle org joins the shared channel with reason bundle', async () => {
    const { one } = makeWorld();
    const crm = await one.connect({ org: 'acme', service: 'crm', number: N1 });
    const desk = await one.connect({ org: 'acme', service: 'desk', number: N1 });
    expect(crm).toMatchObject({ mode: 'shared', role: 'parent', reason: 'bundle' });
    expect(desk).toMatchObject({ mode: 'shared', role: 'child', reason: 'bundle', channel: crm.channel });
    const beta = await one.connect({ org: 'beta', service: 'desk', number: N2 });
    expect(beta).toMatchObject({ mode: 'shared', reason: 'bundle' });
  });

  it('R1: a standalone org or a standalone subscription never shares', async () => {
    const { one } = makeWorld();
    const solo = await one.connect({ org: 'solo', service: 'crm', number: N2 });
    expect(solo).toMatchObject({ mode: 'isolated', role: 'parent', reason: 'standalone' });
    const shared = await one.connect({ org: 'acme', service: 'crm', number: N1 });
    const bigin = await one.connect({ org: 'acme', service: 'bigin', number: N1 });
    expect(bigin).toMatchObject({ mode: 'isolated', role: 'parent', reason: 'standalone' });
    expect(bigin.channel).not.toBe(shared.channel);
  });

  it('R2: every finance service of the catalogue is isolated, even in a bundle org', async () => {
    const { one } = makeWorld();
    const shared = await one.connect({ org: 'acme', service: 'crm', number: N1 });
    const channels = new Set([shared.channel]);
    for (const service of ['books', 'inventory', 'invoice', 'billing', 'expense', 'commerce', 'checkout', 'payroll']) {
      const result = await one.connect({ org: 'acme', service, number: N1 });
      expect(result, service).toMatchObject({ mode: 'isolated', role: 'parent', reason: 'finance-service' });
      channels.add(result.channel);
    }
    expect(channels.size).toBe(9);
    expect(servicesOf((await one.members({ org: 'acme', number: N1 })).members)).toEqual(['crm*']);
  });

  it('R3: an isolated service connects the same number and keeps its own history, shared with nobody', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'books']);
    await one.receive({ number: N1, customer: C1, text: 'invoice please', id: 'w1' });
    await one.reply({ org: 'acme', service: 'books', agent: 'k', number: N1, customer: C1, text: 'books-only answer' });
    await one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: 'crm answer' });
    const books = await one.view({ org: 'acme', service: 'books', agent: 'k', number: N1, customer: C1 });
    const crm = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    expect(books.messages.map((m) => m.text)).toEqual(['invoice please', 'books-only answer']);
    expect(crm.messages.map((m) => m.text)).toEqual(['invoice please', 'crm answer']);
    expect(books.channel).not.toBe(crm.channel);
    expect(await one.members({ org: 'acme', number: N1, service: 'books' })).toMatchObject({
      status: 'active',
      parent: 'books',
      members: [{ service: 'books', role: 'parent' }],
    });
  });

  it('R3, R4: finance services are treated like standalone ones, with their own reason code', async () => {
    const { one } = makeWorld();
    const books = await one.connect({ org: 'acme', service: 'books', number: N1 });
    const bigin = await one.connect({ org: 'acme', service: 'bigin', number: N1 });
    expect(books).toMatchObject({ mode: 'isolated', reason: 'finance-service' });
    expect(bigin).toMatchObject({ mode: 'isolated', reason: 'standalone' });
    const soloBooks = await one.connect({ org: 'solo', service: 'books', number: N2 });
    expect(soloBooks.reason).toBe('finance-service');
  });

  it('R4: every connect carries a reason; upgraded-from-standalone is more specific than standalone', async () => {
    const { one } = makeWorld();
    const reasons = [];
    for (const service of ['desk', 'survey', 'bigin', 'payroll'])
      reasons.push((await one.connect({ org: 'acme', service, number: N1 })).reason);
    expect(reasons).toEqual(['bundle', 'upgraded-from-standalone', 'standalone', 'finance-service']);
  });

  it('R5: a number belongs to the org that connected it first, closed channels included', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'books']);
    await refusal(one.connect({ org: 'beta', service: 'crm', number: N1 }), 'NUMBER_IN_USE_BY_ANOTHER_ORG');
    await one.remove({ org: 'acme', service: 'crm', number: N1 });
    await one.disable({ org: 'acme', service: 'books', number: N1 });
    expect((await one.members({ org: 'acme', number: N1 })).status).toBe('closed');
    await refusal(
      one.connect({ org: 'beta', service: 'desk', number: '+81 3-1234-5678' }),
      'NUMBER_IN_USE_BY_ANOTHER_ORG',
    );
    await refusal(one.connect({ org: 'solo', service: 'books', number: N1 }), 'NUMBER_IN_USE_BY_ANOTHER_ORG');
    expect(await one.connect({ org: 'beta', service: 'crm', number: N2 })).toMatchObject({ mode: 'shared' });
  });

  it('R5: a number must be valid and verified', async () => {
    const { one } = makeWorld();
    const invalid = await refusal(
      one.connect({ org: 'acme', service: 'crm', number: '03-1234-5678' }),
      'INVALID_NUMBER',
    );
    expect(invalid.field).toBe('number');
    await refusal(one.connect({ org: 'acme', service: 'crm', number: '+1 555' }), 'INVALID_NUMBER');
    await refusal(one.connect({ org: 'acme', service: 'crm', number: UNVERIFIED }), 'NUMBER_NOT_VERIFIED');
    await refusal(one.connect({ org: 'acme', service: 'crm', number: '+44 20 7946 0000' }), 'NUMBER_NOT_VERIFIED');
    await refusal(one.members({ org: 'acme', number: N1 }), 'NOT_CONNECTED');
  });

  it('R5: numbers in any common format are the same number, kept in E.164', async () => {
    const { one } = makeWorld();
    const a = await one.connect({ org: 'acme', service: 'crm', number: '+81 3-1234-5678' });
    const b = await one.connect({ org: 'acme', service: 'desk', number: '0081312345678' });
    const c = await one.connect({ org: 'acme', service: 'salesiq', number: ' +81 (3) 1234 5678 ' });
    expect(new Set([a.channel, b.channel, c.channel]).size).toBe(1);
    const [event] = await one.events({ org: 'acme', service: 'crm' });
    expect(event?.number).toBe(N1);
  });
});
