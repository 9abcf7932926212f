// Shared adapter suite: bad facade input (R27). Refused before anything is touched, as
// INVALID_INPUT naming the field the way the service's developer wrote it; state unchanged.
import { expect } from 'vitest';
import type { AdapterCase } from './describeAdapter';
import { N1, inbound, refusal, words, type AdapterSuiteContext } from './adapterWorld';

/** Everything a refusal must leave as it was: the service's history and event stream, the members. */
async function snapshot(ctx: AdapterSuiteContext) {
  return JSON.stringify([
    await ctx.adapter.view(words(ctx.adapter, 'mine')),
    await ctx.onenumber.events({ org: 'acme', service: ctx.service }),
    await ctx.adapter.members(N1),
  ]);
}

export const inputCases: AdapterCase[] = [
  [
    "R27: invalid facade input is INVALID_INPUT naming the field in the service's words; state unchanged",
    async (ctx) => {
      const { adapter } = ctx;
      const v = adapter.vocabulary;
      await adapter.connect(N1);
      await inbound(ctx.onenumber, 'hello', 'wamid.in-1');
      await adapter.reply(words(adapter, 'mine', { text: 'first' }));
      const before = await snapshot(ctx);
      const { [v.customer]: _dropped, ...noCustomer } = words(adapter, 'mine', { text: 'x' }) as Record<
        string,
        unknown
      >;
      const cases: [Promise<unknown>, string][] = [
        [adapter.reply(noCustomer as never), v.customer],
        [adapter.reply(words(adapter, 'mine', { [v.agent]: 42, text: 'x' })), v.agent],
        [adapter.reply(words(adapter, 'mine', { text: '' })), 'text'],
        [adapter.reply(words(adapter, 'mine', { text: 'x', service: 'crm' })), 'service'],
        [adapter.view(words(adapter, 'mine', { org: 'other' })), 'org'],
        [adapter.assign(words(adapter, 'mine', { confirm: 'yes' })), 'confirm'],
        [adapter.view({ number: N1 } as never), v.customer],
        [adapter.connect(42 as never), 'number'],
        [adapter.disable(undefined as never), 'number'],
        [adapter.configure(N1, { colour: 'red' } as never), 'settings.colour'],
        [adapter.configure(N1, { displayName: '' }), 'settings.displayName'],
      ];
      for (const [call, field] of cases) expect((await refusal(call, 'INVALID_INPUT')).field).toBe(field);
      expect(await snapshot(ctx)).toBe(before);
    },
  ],
  [
    'the service cannot be passed by hand: a `service` key is refused, not obeyed',
    async (ctx) => {
      await ctx.adapter.connect(N1);
      await inbound(ctx.onenumber, 'hello', 'wamid.in-2');
      const error = await refusal(
        ctx.adapter.reply(words(ctx.adapter, 'mine', { text: 'x', service: ctx.other })),
        'INVALID_INPUT',
      );
      expect(error.field).toBe('service');
      expect((await ctx.onenumber.members({ org: 'acme', number: N1 })).members.map((m) => m.service)).toEqual([
        ctx.service,
      ]);
      expect((await ctx.adapter.view(words(ctx.adapter, 'mine'))).messages.map((m) => m.direction)).toEqual(['in']); // nothing sent
    },
  ],
  [
    'R27: an unknown event name or a missing listener is INVALID_INPUT',
    async (ctx) => {
      expect(() => ctx.adapter.on('bogus' as never, () => {})).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'event' }),
      );
      expect(() => ctx.adapter.on('message', undefined as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'listener' }),
      );
    },
  ],
  [
    'R27: create() refuses options that are not a OneNumber instance and an org',
    async ({ onenumber }, { create }) => {
      expect(() => create({} as never, 'acme')).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'onenumber' }),
      );
      expect(() => create(onenumber, '')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field: 'org' }));
    },
  ],
];
