// Shared adapter suite, issue 9: canReply, previewLeave, timeline and replay through the facade,
// in the adapter's words; R39's markRead.
import { expect } from 'vitest';
import type { AdapterCase } from './describeAdapter';
import { N1, asOther, inbound, refusal, words, type Loose } from './adapterWorld';

export const beyondCases: AdapterCase[] = [
  [
    'issue 9, R24: canReply answers before sending, with the reason',
    async (ctx) => {
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      await ctx.adapter.connect(N1);
      await inbound(ctx.onenumber, 'hello', 'wamid.beyond-1');
      expect(await ctx.adapter.canReply(words(ctx.adapter, 'mine'))).toEqual({ ok: true, assigns: true });
      await ctx.onenumber.reply({ ...asOther(ctx, 'theirs'), text: 'held' });
      expect(await ctx.adapter.canReply(words(ctx.adapter, 'mine'))).toMatchObject({
        ok: false,
        reason: 'ASSIGNMENT_REQUIRED',
        templateAllowed: false,
      });
      expect(await ctx.adapter.canReply(words(ctx.adapter, 'theirs'))).toMatchObject({
        ok: false,
        reason: 'FORBIDDEN',
      });
    },
  ],
  [
    'issue 9, R11: previewLeave shows the next parent and changes nothing; timeline is for the parent',
    async (ctx) => {
      await ctx.adapter.connect(N1);
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      expect(await ctx.adapter.previewLeave(N1, 'remove')).toMatchObject({
        parentBefore: ctx.service,
        parentAfter: ctx.other,
        closes: false,
      });
      expect((await ctx.adapter.members(N1)).members[0]).toEqual({ service: ctx.service, role: 'parent' });
      const { entries } = await ctx.adapter.timeline(N1);
      expect(entries.map((e) => `${e.what}:${e.service ?? e.to}`)).toEqual([
        `joined:${ctx.service}`,
        `elected:${ctx.service}`,
        `joined:${ctx.other}`,
      ]);
      await ctx.adapter.disable(N1);
      await ctx.adapter.enable(N1);
      await refusal(ctx.adapter.timeline(N1), 'NOT_PARENT');
      await refusal(ctx.adapter.previewLeave(N1, 'leave' as never), 'INVALID_INPUT');
    },
  ],
  [
    "R39: markRead moves this service's read marker in its words, assigns nobody; another service's agent is refused",
    async (ctx) => {
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      await ctx.adapter.connect(N1);
      await inbound(ctx.onenumber, 'read me', 'wamid.beyond-read');
      const read = (await ctx.adapter.markRead(words(ctx.adapter, 'mine', { typing: true }))) as unknown as Loose;
      expect(read).toMatchObject({ ok: true, moved: true, receipt: false, number: N1 });
      expect(read[ctx.adapter.vocabulary.conversation]).toBeDefined();
      expect(read[ctx.adapter.vocabulary.customer]).toBeDefined();
      expect(await ctx.adapter.markRead(words(ctx.adapter, 'mine'))).toMatchObject({ moved: false });
      expect(((await ctx.adapter.view(words(ctx.adapter, 'mine'))) as unknown as Loose).assignee).toBeNull();
      await refusal(ctx.adapter.markRead(words(ctx.adapter, 'theirs')), 'FORBIDDEN');
      await refusal(ctx.adapter.markRead(words(ctx.adapter, 'mine', { typing: 'yes' })), 'INVALID_INPUT');
    },
  ],
  [
    "issue 9, R20: events() replays this service's stream after a cursor, in its words, masked",
    async (ctx) => {
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      await ctx.adapter.connect(N1);
      const [first] = (await ctx.adapter.events()) as unknown as Loose[];
      await inbound(ctx.onenumber, 'replayed', 'wamid.beyond-2');
      await ctx.onenumber.reply({ ...asOther(ctx, 'theirs'), text: 'canary-replay-91c' });
      const rest = (await ctx.adapter.events({ after: first!.id as string })) as unknown as Loose[];
      const received = rest.find((e) => e.type === 'messageReceived')!;
      expect(received[ctx.adapter.vocabulary.customer]).toBeDefined();
      expect(received[ctx.adapter.vocabulary.conversation]).toBeDefined();
      expect(JSON.stringify(rest)).not.toContain('canary-replay-91c');
      expect(rest.some((e) => e.id === first!.id)).toBe(false);
    },
  ],
];
