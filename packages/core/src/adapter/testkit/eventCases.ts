// Shared adapter suite: the facade's live events (R11, R15, R17, R20, R21), in the adapter's words,
// fed by the service's own projected feed: another service's reply text never reaches them.
import { expect } from 'vitest';
import { adapterEventNames, type AdapterEventName } from '../adapterEvents';
import type { AdapterCase } from './describeAdapter';
import { C1, N1, asOther, inbound, next, settle, words, type Loose } from './adapterWorld';

export const eventCases: AdapterCase[] = [
  [
    "R15: on('message') receives an inbound message live, in the service's words",
    async (ctx) => {
      await ctx.adapter.connect(N1);
      const v = ctx.adapter.vocabulary;
      const arrived = next(ctx.adapter, 'message');
      await settle();
      const { conversation } = await inbound(ctx.onenumber, 'Is it in stock?', 'wamid.ev-1');
      const event = await arrived;
      expect(event).toMatchObject({
        type: 'messageReceived',
        org: 'acme',
        service: ctx.service,
        number: N1,
        [v.conversation]: conversation,
        [v.customer]: C1,
        message: { direction: 'in', text: 'Is it in stock?', masked: false },
      });
    },
  ],
  [
    "R20: canary: this adapter's events never carry another service's reply text or agent",
    async (ctx) => {
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      await ctx.adapter.connect(N1);
      const seen: Loose[] = [];
      for (const name of Object.keys(adapterEventNames) as AdapterEventName[])
        ctx.adapter.on(name, (e: unknown) => seen.push(e as Loose));
      const maskedReply = next(ctx.adapter, 'reply', (e) => (e.message as Loose).service === ctx.other);
      await settle();
      await inbound(ctx.onenumber, 'hello', 'wamid.ev-2');
      const canary = 'canary-events-5d1e';
      const { message } = await ctx.onenumber.reply({ ...asOther(ctx, 'theirs'), text: canary });
      await ctx.onenumber.updateStatus({ org: 'acme', message, status: 'delivered' });
      expect(await maskedReply).toMatchObject({
        type: 'messageSent',
        service: ctx.service,
        message: { id: message, masked: true, text: null, agent: null, raw: null },
      });
      const stream = await ctx.onenumber.events({ org: 'acme', service: ctx.service });
      expect(stream.some((e) => e.type === 'statusChanged' && e.message === message)).toBe(true);
      expect(JSON.stringify(seen)).not.toContain(canary);
      expect(JSON.stringify(stream)).not.toContain(canary);
      expect(JSON.stringify(seen)).not.toContain('"theirs"'); // nor the other service's agent id (R17, R22)
    },
  ],
  [
    "R11, R17, R21: parent, membership, assignment and status events come through under the facade's names",
    async (ctx) => {
      await ctx.onenumber.connect({ org: 'acme', service: ctx.other, number: N1 });
      await ctx.adapter.connect(N1);
      await inbound(ctx.onenumber, 'hi', 'wamid.ev-3');
      const v = ctx.adapter.vocabulary;
      const events = {
        assignment: next(ctx.adapter, 'assignment'),
        status: next(ctx.adapter, 'status'),
        membership: next(ctx.adapter, 'membership', (e) => e.state === 'removed'),
        parent: next(ctx.adapter, 'parent'),
      };
      await settle();
      const sent = (await ctx.adapter.reply(words(ctx.adapter, 'mine', { text: 'reply' }))) as unknown as Loose;
      await ctx.onenumber.updateStatus({ org: 'acme', message: sent.message as string, status: 'read' });
      await ctx.onenumber.remove({ org: 'acme', service: ctx.other, number: N1 });
      expect(await events.assignment).toMatchObject({
        type: 'assignmentChanged',
        subject: ctx.service,
        agent: 'mine',
        [v.conversation]: sent[v.conversation],
        [v.customer]: C1,
      });
      expect(await events.status).toMatchObject({
        type: 'statusChanged',
        message: sent.message,
        status: 'read',
        [v.conversation]: sent[v.conversation],
      });
      expect(await events.membership).toMatchObject({
        type: 'membershipChanged',
        subject: ctx.other,
        members: [{ service: ctx.service, role: 'parent' }],
      });
      expect(await events.parent).toMatchObject({
        type: 'parentChanged',
        from: ctx.other,
        to: ctx.service,
        cause: 'removed',
      });
    },
  ],
  [
    "the returned function stops one listener; close() stops the facade's events",
    async (ctx) => {
      await ctx.adapter.connect(N1);
      const stopped: unknown[] = [];
      const off = ctx.adapter.on('message', (e) => stopped.push(e));
      const kept = next(ctx.adapter, 'message');
      off();
      await settle();
      await inbound(ctx.onenumber, 'one', 'wamid.ev-4');
      expect(await kept).toMatchObject({ message: { text: 'one' } });
      expect(stopped).toEqual([]);
      const closed: unknown[] = [];
      ctx.adapter.on('message', (e) => closed.push(e));
      ctx.adapter.close();
      const witness = ctx.create('acme'); // a second facade of the same service still hears it
      const heard = next(witness, 'message');
      await settle();
      await inbound(ctx.onenumber, 'two', 'wamid.ev-5');
      expect(await heard).toMatchObject({ message: { text: 'two' } });
      expect(closed).toEqual([]);
    },
  ],
];
