// Shared adapter suite: connecting through the facade (R3..R11, R14, R28). The facade fills in the
// service, and its results are the core's typed results.
import { expect } from 'vitest';
import type { AdapterCase } from './describeAdapter';
import { N1, N2, UNVERIFIED, refusal } from './adapterWorld';

const services = (members: { service: string; role: string }[]) =>
  members.map((m) => `${m.service}${m.role === 'parent' ? '*' : ''}`);

export const membershipCases: AdapterCase[] = [
  [
    'R7, R4: connect joins the shared channel another service created, and returns the reason',
    async (ctx) => {
      const first = await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      const joined = await ctx.adapter.connect('+81 3-1234-5678');
      expect(joined).toEqual({ channel: first.channel, mode: 'shared', role: 'child', reason: 'bundle' });
    },
  ],
  [
    'R7: the first service to connect creates the shared channel and is its parent',
    async (ctx) => {
      const created = await ctx.adapter.connect(N1);
      expect(created).toMatchObject({ mode: 'shared', role: 'parent', reason: 'bundle' });
      const joined = await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      expect(joined).toMatchObject({ channel: created.channel, role: 'child' });
    },
  ],
  [
    'R3, R4: in a standalone org connect gets an isolated channel, with its reason',
    async (ctx) => {
      const solo = ctx.create('solo');
      expect(await solo.connect(N2)).toMatchObject({ mode: 'isolated', role: 'parent', reason: 'standalone' });
    },
  ],
  [
    'R8: connecting twice through the adapter is idempotent',
    async (ctx) => {
      const once = await ctx.adapter.connect(N1);
      expect(await ctx.adapter.connect(N1)).toEqual(once);
      expect((await ctx.adapter.members(N1)).members).toHaveLength(1);
    },
  ],
  [
    'the service is filled in: the member the adapter adds is its own service',
    async (ctx) => {
      expect(ctx.adapter.service).toBe(ctx.service);
      await ctx.adapter.connect(N1);
      const shared = await ctx.onenumber.members({ org: 'acme', number: N1 });
      expect(shared.members).toEqual([{ service: ctx.service, role: 'parent' }]);
      expect(await ctx.adapter.members(N1)).toMatchObject({
        channel: shared.channel,
        status: 'active',
        parent: ctx.service,
      });
      const events = await ctx.onenumber.events({ org: 'acme', service: ctx.service });
      expect(
        events.some((e) => e.type === 'membershipChanged' && e.subject === ctx.service && e.state === 'active'),
      ).toBe(true);
    },
  ],
  [
    'R10, R11, R14: disable, enable and remove re-elect the parent at once',
    async (ctx) => {
      await ctx.adapter.connect(N1);
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      expect(services((await ctx.adapter.disable(N1)).members)).toEqual([`${ctx.other}*`]);
      expect(services((await ctx.adapter.disable(N1)).members)).toEqual([`${ctx.other}*`]); // R10: no change, no error
      expect(services((await ctx.adapter.enable(N1)).members)).toEqual([`${ctx.other}*`, ctx.service]);
      const removed = await ctx.adapter.remove(N1);
      expect(services(removed.members)).toEqual([`${ctx.other}*`]);
      await refusal(ctx.adapter.members(N1), 'NOT_CONNECTED');
    },
  ],
  [
    'R8: connecting a disabled membership is refused with MEMBERSHIP_DISABLED',
    async (ctx) => {
      await ctx.adapter.connect(N1);
      await ctx.adapter.disable(N1);
      await refusal(ctx.adapter.connect(N1), 'MEMBERSHIP_DISABLED');
    },
  ],
  [
    "R9, R28: configure is the parent's; a child is refused with NOT_PARENT",
    async (ctx) => {
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      await ctx.adapter.connect(N1);
      await refusal(ctx.adapter.configure(N1, { displayName: 'Support' }), 'NOT_PARENT');
      await ctx.adapter.connect(N2);
      expect(await ctx.adapter.configure(N2, { displayName: 'Support', greeting: 'Hello' })).toEqual({
        ok: true,
        settings: { displayName: 'Support', greeting: 'Hello' },
      });
      expect((await ctx.adapter.members(N2)).settings).toEqual({ displayName: 'Support', greeting: 'Hello' });
    },
  ],
  [
    'R5, R27: number refusals come through typed: INVALID_NUMBER, NUMBER_NOT_VERIFIED',
    async (ctx) => {
      expect((await refusal(ctx.adapter.connect('12345'), 'INVALID_NUMBER')).field).toBe('number');
      await refusal(ctx.adapter.connect(UNVERIFIED), 'NUMBER_NOT_VERIFIED');
    },
  ],
];
