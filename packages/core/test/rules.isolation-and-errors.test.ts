// R26..R28 through the public API: isolated channels, refusals and their order, channel settings.
import { describe, expect, it } from 'vitest';
import { errorCodes, OneNumberError } from '../src';
import { C1, C2, N1, N2, connectAll, eventsOf, makeWorld, refusal, texts } from './support/world';

describe('isolated channels (R26)', () => {
  it('R26: conversation, replies and assignment of an isolated channel are synced nowhere, not even masked', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk', 'books']);
    await one.receive({ number: N1, customer: C1, text: 'hi all', id: 'w1' });
    await one.reply({ org: 'acme', service: 'books', agent: 'k', number: N1, customer: C1, text: 'books reply' });
    await one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: 'crm reply' });
    const crm = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    const desk = await one.view({ org: 'acme', service: 'desk', agent: 'b', number: N1, customer: C1 });
    const books = await one.view({ org: 'acme', service: 'books', agent: 'k', number: N1, customer: C1 });
    expect(texts(crm.messages)).toEqual(['hi all', 'crm reply']);
    expect(desk.messages.map((m) => m.service)).toEqual([null, 'crm']);
    expect(texts(books.messages)).toEqual(['hi all', 'books reply']);
    // Assignments do not cross either: no notice, no ASSIGNMENT_REQUIRED, each side.
    expect(books).toMatchObject({ assignee: 'k', notice: null });
    expect(desk.notice).toMatchObject({ service: 'crm' });
    expect(crm.conversation).not.toBe(books.conversation);
    for (const service of ['crm', 'desk']) {
      const events = await eventsOf(one, service);
      expect(
        events.every((e) => e.channel === crm.channel),
        service,
      ).toBe(true);
    }
    const booksEvents = await eventsOf(one, 'books');
    expect(booksEvents.every((e) => e.channel === books.channel)).toBe(true);
    expect(booksEvents.filter((e) => e.type === 'messageSent')).toHaveLength(1);
  });

  it('R26: a number with only isolated channels has no shared conversation', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['books', 'bigin']);
    const result = await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    expect(result).toMatchObject({ conversation: null, deliveredTo: ['bigin', 'books'], undelivered: false });
  });
});

describe('errors (R27)', () => {
  it('R27: every refusal is a typed error with a stable code, a readable message and a JSON form', async () => {
    const { one } = makeWorld();
    const error = await refusal(
      one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: 'x' }),
      'NOT_CONNECTED',
    );
    expect(error).toBeInstanceOf(Error);
    expect(Object.keys(errorCodes)).toContain(error.code);
    expect(error.toJSON()).toMatchObject({ error: 'NOT_CONNECTED', message: error.message });
    expect(OneNumberError.fromJSON(JSON.parse(JSON.stringify(error)))).toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('R27: where several refusals apply, the first in the documented order is reported', async () => {
    const { one, directory } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'hi', id: 'w1' });
    const base = { org: 'acme', number: N1, customer: C1 };
    // UNKNOWN_AGENT before INVALID_NUMBER
    await refusal(
      one.reply({ ...base, service: 'desk', agent: 'ghost', number: 'nonsense', text: 'x' }),
      'UNKNOWN_AGENT',
    );
    // INVALID_NUMBER before FORBIDDEN
    await refusal(one.view({ ...base, service: 'desk', agent: 'a', number: '12' }), 'INVALID_NUMBER');
    // FORBIDDEN before NOT_CONNECTED
    await refusal(one.view({ ...base, service: 'campaigns', agent: 'a' }), 'FORBIDDEN');
    // NOT_CONNECTED before UNKNOWN_CONVERSATION
    await refusal(one.view({ ...base, service: 'campaigns', agent: 'all', customer: C2 }), 'NOT_CONNECTED');
    await refusal(one.assign({ ...base, number: N2, service: 'crm', agent: 'a', customer: C2 }), 'NOT_CONNECTED');
    // MEMBERSHIP_DISABLED before UNKNOWN_CONVERSATION
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await refusal(one.view({ ...base, service: 'desk', agent: 'b', customer: C2 }), 'MEMBERSHIP_DISABLED');
    // MEMBERSHIP_DISABLED before NOT_PARENT
    await refusal(
      one.configure({ org: 'acme', service: 'desk', number: N1, settings: { greeting: 'x' } }),
      'MEMBERSHIP_DISABLED',
    );
    // UNKNOWN_CONVERSATION before the operation's own rules (R24)
    await one.enable({ org: 'acme', service: 'desk', number: N1 });
    await one.assign({ ...base, service: 'crm', agent: 'a' });
    await refusal(one.reply({ ...base, service: 'desk', agent: 'b', customer: C2, text: 'x' }), 'UNKNOWN_CONVERSATION');
    await refusal(one.reply({ ...base, service: 'desk', agent: 'b', text: 'x' }), 'ASSIGNMENT_REQUIRED');
    // INVALID_NUMBER before NUMBER_NOT_VERIFIED before NUMBER_IN_USE_BY_ANOTHER_ORG before MEMBERSHIP_DISABLED
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    directory.setNumber({ number: N1, verified: false });
    await refusal(one.connect({ org: 'beta', service: 'crm', number: N1 }), 'NUMBER_NOT_VERIFIED');
    await refusal(one.connect({ org: 'acme', service: 'desk', number: N1 }), 'NUMBER_NOT_VERIFIED');
    await refusal(one.connect({ org: 'beta', service: 'crm', number: '+81 3' }), 'INVALID_NUMBER');
    directory.setNumber({ number: N1, verified: true });
    await refusal(one.connect({ org: 'beta', service: 'crm', number: N1 }), 'NUMBER_IN_USE_BY_ANOTHER_ORG');
    await refusal(one.connect({ org: 'acme', service: 'desk', number: N1 }), 'MEMBERSHIP_DISABLED');
  });

  it('R27: a refusal never loses a stored message', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    await one.receive({ number: N1, customer: C1, text: 'keep me', id: 'w1' });
    await refusal(one.receive({ number: N1, customer: '', text: 'bad', id: 'w2' }), 'INVALID_INPUT');
    await refusal(one.receive({ number: 'x', customer: C1, text: 'bad', id: 'w3' }), 'INVALID_NUMBER');
    await refusal(
      one.reply({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1, text: '' }),
      'INVALID_INPUT',
    );
    const view = await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: C1 });
    expect(texts(view.messages)).toEqual(['keep me']);
    expect(await one.receive({ number: N1, customer: C1, text: 'w2 retried', id: 'w2' })).toMatchObject({
      duplicate: false,
    });
  });
});

describe('channel settings (R28)', () => {
  it('R28: displayName is 1..100 characters and greeting up to 1,024; keys are replaced one by one', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm']);
    const configure = (settings: Record<string, unknown>) =>
      one.configure({ org: 'acme', service: 'crm', number: N1, settings: settings as never });
    expect(await configure({ displayName: 'x'.repeat(100) })).toMatchObject({ ok: true });
    expect(await configure({ greeting: 'g'.repeat(1024) })).toMatchObject({
      ok: true,
      settings: { displayName: 'x'.repeat(100), greeting: 'g'.repeat(1024) },
    });
    expect(await configure({ greeting: '' })).toMatchObject({ settings: { greeting: '' } });
    const cases: [Record<string, unknown>, string][] = [
      [{ displayName: '' }, 'settings.displayName'],
      [{ displayName: 'x'.repeat(101) }, 'settings.displayName'],
      [{ greeting: 'g'.repeat(1025) }, 'settings.greeting'],
      [{ greeting: 42 }, 'settings.greeting'],
      [{ color: 'green' }, 'settings'],
      [{ displayName: 'ok', webhookUrl: 'http://x' }, 'settings'],
    ];
    for (const [settings, field] of cases) {
      const error = await refusal(configure(settings), 'INVALID_INPUT');
      expect(error.field, JSON.stringify(settings).slice(0, 40)).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
    }
    expect((await one.members({ org: 'acme', number: N1 })).settings).toEqual({
      displayName: 'x'.repeat(100),
      greeting: '',
    });
  });
});
