// The adapter factory (R27, R33): an adapter is data (service, display name, vocabulary), validated once;
// the facade it creates speaks the vocabulary, fills in the service and carries labels through.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineServiceAdapter, OneNumberError, type ServiceAdapterSpecInput } from '../src';
import { C1, N1, makeWorld } from './support/world';

const ticketAdapter = defineServiceAdapter({
  service: 'desk',
  displayName: 'Zoho Desk',
  vocabulary: { conversation: 'ticket', customer: 'contact', agent: 'agent', labels: ['department'] },
});

function refusedField(spec: unknown): string | undefined {
  try {
    defineServiceAdapter(spec as ServiceAdapterSpecInput);
  } catch (error) {
    expect(OneNumberError.isInstance(error)).toBe(true);
    expect((error as OneNumberError).code).toBe('INVALID_INPUT');
    return (error as OneNumberError).field;
  }
  throw new Error('expected a refusal');
}

const spec = {
  service: 'desk',
  displayName: 'Zoho Desk',
  vocabulary: { conversation: 'ticket', customer: 'contact', agent: 'agent' },
};

describe('defineServiceAdapter', () => {
  it('defines an adapter from data, frozen, at the current specification version', () => {
    expect(ticketAdapter).toMatchObject({
      specificationVersion: 1,
      service: 'desk',
      displayName: 'Zoho Desk',
    });
    expect(ticketAdapter).not.toHaveProperty('policy');
    expect(ticketAdapter.vocabulary).toEqual({
      conversation: 'ticket',
      customer: 'contact',
      agent: 'agent',
      labels: ['department'],
    });
    expect(Object.isFrozen(ticketAdapter) && Object.isFrozen(ticketAdapter.vocabulary)).toBe(true);
  });

  it("R33: an adapter cannot bring a masking policy of its own (the policy is the server's)", () => {
    expect(refusedField({ ...spec, policy: { showAgentName: true } })).toBe('policy');
    expect(refusedField({ ...spec, policy: {} })).toBe('policy');
  });

  it("R27: a vocabulary word may not take a key the facade uses, another role's spec word, or a word twice", () => {
    expect(refusedField({ ...spec, vocabulary: { ...spec.vocabulary, customer: 'number' } })).toBe(
      'vocabulary.customer',
    );
    expect(refusedField({ ...spec, vocabulary: { ...spec.vocabulary, conversation: 'customer' } })).toBe(
      'vocabulary.conversation',
    );
    expect(refusedField({ ...spec, vocabulary: { ...spec.vocabulary, labels: ['contact'] } })).toBe(
      'vocabulary.labels.0',
    );
    expect(refusedField({ ...spec, vocabulary: { ...spec.vocabulary, agent: 'Agent X' } })).toBe('vocabulary.agent');
    expect(refusedField({ ...spec, service: 'Desk' })).toBe('service');
    expect(refusedField({ ...spec, extra: true })).toBe('extra');
  });

  it('an adapter written for another specification version fails loudly', () => {
    expect(refusedField({ ...spec, specificationVersion: 2 })).toBe('specificationVersion');
  });

  it('exports its input schemas, built from the vocabulary', () => {
    const ok = ticketAdapter.schemas.reply.safeParse({
      agent: 'b',
      number: N1,
      contact: '819012345678',
      department: 'Billing',
      text: 'hi',
    });
    expect(ok.success && ok.data).toMatchObject({ contact: C1, department: 'Billing' });
    expect(ticketAdapter.schemas.reply.safeParse({ agent: 'b', number: N1, customer: C1, text: 'hi' }).success).toBe(
      false,
    );
  });

  it("types: inputs and results are in the service's words", () => {
    const { one } = makeWorld();
    const desk = ticketAdapter.create({ onenumber: one, org: 'acme' });
    expectTypeOf(desk.view)
      .parameter(0)
      .toEqualTypeOf<{ number: string; contact: string; department?: string | undefined; agent: string }>();
    expectTypeOf<Awaited<ReturnType<typeof desk.reply>>>().toHaveProperty('ticket').toEqualTypeOf<string>();
    expectTypeOf<Awaited<ReturnType<typeof desk.view>>>().toHaveProperty('contact').toEqualTypeOf<string>();
    desk.on('message', (event) => expectTypeOf(event.ticket).toEqualTypeOf<string>());
    desk.close();
  });
});

describe('a facade built by the factory', () => {
  it('labels are carried through onto results, never stored: the next view without them has none', async () => {
    const { one } = makeWorld();
    const desk = ticketAdapter.create({ onenumber: one, org: 'acme' });
    await desk.connect(N1);
    await one.receive({ number: N1, customer: C1, text: 'My invoice is wrong', id: 'w1' });
    const sent = await desk.reply({
      agent: 'b',
      number: '+81 3-1234-5678',
      contact: '819012345678',
      department: 'Billing',
      text: 'Looking into it',
    });
    expect(sent).toEqual({
      message: expect.any(String),
      ticket: expect.any(String),
      number: N1,
      contact: C1,
      department: 'Billing',
    });
    const seen = await desk.view({ agent: 'b', number: N1, contact: C1 });
    expect(seen).not.toHaveProperty('department');
    expect(seen).toMatchObject({ ticket: sent.ticket, contact: C1, assignee: 'b' });
    expect(JSON.stringify(await one.events({ org: 'acme', service: 'desk' }))).not.toContain('Billing');
  });
});
