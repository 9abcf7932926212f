// Conformance, R32: a failed send's details are the sender's. The provider's error text (which may
// quote the masked reply) reaches the sending service whole, in its view, events and live feed;
// every other service reads the code and the fixed title core gives that code (errorTitleOf).
import { errorTitleOf, genericErrorTitle, type ChannelEvent, type ChannelStorage } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { at, collect, connectAll, freshNumber, inbound, replyAs } from './fixtures';

const customer = '+819012345678';
const secret = 'canary-r32-masked-reply';

/** crm replies `secret`; returns what the tests need to fail it and read it back. */
async function failedReply(storage: ChannelStorage, error: { code: number | string; title: string }) {
  const number = freshNumber();
  const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk', 'salesiq']);
  await inbound(storage, number, customer, 'question');
  const { message } = await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', secret);
  const cursor = (service: string) => storage.events({ org: 'acme', service }).then((e) => e.at(-1)!.id);
  const cursors = { crm: await cursor('crm'), desk: await cursor('desk'), salesiq: await cursor('salesiq') };
  const statusOf = (e: ChannelEvent) => e.type === 'statusChanged';
  // Live feeds opened before the failure, from the cursor: the event arrives missed or live, once.
  const live = Object.fromEntries(
    (['crm', 'desk'] as const).map((service) => [
      service,
      collect<ChannelEvent>(
        (push) => storage.subscribe({ org: 'acme', service, after: cursors[service] }, (e) => statusOf(e) && push(e)),
        1,
        10_000,
      ),
    ]),
  ) as Record<'crm' | 'desk', Promise<ChannelEvent[]>>;
  await new Promise((r) => setTimeout(r, 50));
  await storage.updateStatus({ org: 'acme', message, status: 'failed', error, at: at(3) });
  const conversation = (await storage.conversation({ org: 'acme', channel: crm!.channel, customer }))!;
  const view = async (service: string) =>
    (await storage.view({ org: 'acme', channel: crm!.channel, conversation: conversation.id, service }))[1]!;
  const events = async (service: 'crm' | 'desk' | 'salesiq') =>
    (await storage.events({ org: 'acme', service, after: cursors[service] })).filter(statusOf);
  return { view, events, live };
}

export const errorTitleTests: Case[] = [
  [
    'R32: an error quoting the reply is whole for the sender and the fixed title for every other service (view, events, live feed)',
    async ({ storage }) => {
      const recorded = { code: 131026, title: `Message "${secret}" could not be delivered` };
      const fixed = { code: 131026, title: errorTitleOf(131026) };
      const { view, events, live } = await failedReply(storage, recorded);
      expect(await view('crm')).toMatchObject({ status: 'failed', error: recorded, text: secret });
      for (const service of ['desk', 'salesiq'] as const) {
        const seen = await view(service);
        expect(seen).toMatchObject({ status: 'failed', error: fixed, text: null, masked: true });
        expect(JSON.stringify(seen)).not.toContain(secret);
        const stream = await events(service);
        expect(stream.map((e) => (e.type === 'statusChanged' ? e.error : null))).toEqual([fixed]);
        expect(JSON.stringify(stream)).not.toContain(secret);
      }
      expect((await events('crm')).map((e) => (e.type === 'statusChanged' ? e.error : null))).toEqual([recorded]);
      const [crmLive] = await live.crm;
      const [deskLive] = await live.desk;
      expect(crmLive).toMatchObject({ type: 'statusChanged', status: 'failed', error: recorded });
      expect(deskLive).toMatchObject({ type: 'statusChanged', status: 'failed', error: fixed });
      expect(JSON.stringify(deskLive)).not.toContain(secret);
    },
  ],
  [
    'R32: a code nobody listed reaches other services as "other" with the generic title',
    async ({ storage }) => {
      const recorded = { code: `E-${secret}`, title: `provider said ${secret}` };
      const { view, events } = await failedReply(storage, recorded);
      expect((await view('crm')).error).toEqual(recorded);
      expect((await view('desk')).error).toEqual({ code: 'other', title: genericErrorTitle });
      expect(JSON.stringify(await events('desk'))).not.toContain(secret);
    },
  ],
];
