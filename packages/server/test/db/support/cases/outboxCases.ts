// The outbox (R16), for every dialect: queued with the reply, leased to one worker, taken over
// when the lease expires, never handed out again once complete, and a failure for good marks the
// reply failed.
import { errorTitleOf } from '@onenumber/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../../../src/db';
import { at, codeOf, customer, org, seedConversation } from '../seed';

export function describeOutbox(name: string, open: () => Promise<ServerDatabase>): void {
  let db: ServerDatabase;
  const claim = (worker: string, now: string, leaseMs = 30_000, limit = 10) =>
    db.outbox.claim({ worker, now, leaseMs, limit });

  describe(`outbox: ${name}`, () => {
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    it('R16: appendReply queues the reply in the same write; a claim hands it to one worker only', async () => {
      const seeded = await seedConversation(db.storage);
      const { message } = await seeded.reply('canary-outbox-1');
      const [item, ...rest] = await claim('w1', at(3));
      expect(rest).toEqual([]);
      expect(item).toMatchObject({
        id: message,
        org,
        number: seeded.number,
        customer,
        service: 'crm',
        type: 'text',
        text: 'canary-outbox-1',
        attempts: 1,
        at: at(2),
      });
      expect(await claim('w2', at(3, 10))).toEqual([]);
    });

    it('R16: a reply is not due before it was accepted; items come oldest first, at most `limit`', async () => {
      const seeded = await seedConversation(db.storage);
      const first = await seeded.reply('one', at(2));
      const second = await seeded.reply('two', at(4));
      expect(await claim('w1', at(1))).toEqual([]);
      expect((await claim('w1', at(3), 600_000)).map((i) => i.id)).toEqual([first.message]);
      expect((await claim('w2', at(5), 600_000, 1)).map((i) => i.id)).toEqual([second.message]);
      // Both leases expired: both due again, oldest first, at most `limit`.
      expect((await claim('w3', at(30), 600_000, 1)).map((i) => i.id)).toEqual([first.message]);
    });

    it("R16: an expired lease lets another worker take a dead worker's item", async () => {
      const seeded = await seedConversation(db.storage);
      const { message } = await seeded.reply('retry me');
      await claim('dead-worker', at(3), 60_000);
      expect(await claim('w2', at(3, 59))).toEqual([]);
      const taken = await claim('w2', at(4, 0));
      expect(taken.map((i) => [i.id, i.attempts])).toEqual([[message, 2]]);
    });

    it('R16: complete records the provider id; the item is never handed out again', async () => {
      const seeded = await seedConversation(db.storage);
      const { message } = await seeded.reply('sent once');
      await claim('w1', at(3), 1_000);
      await db.outbox.complete({ id: message, providerMessageId: 'wamid.out.1', at: at(3) });
      expect(await claim('w2', at(50))).toEqual([]);
      await db.outbox.complete({ id: message, providerMessageId: 'wamid.out.other', at: at(4) });
      expect(await db.outbox.findByProviderId('wamid.out.1')).toEqual({ id: message, org });
      expect(await db.outbox.findByProviderId('wamid.out.other')).toBeNull();
      await db.outbox.fail({ id: message, error: { code: 1, title: 'late failure' }, at: at(5) });
      const view = await db.storage.view({
        org,
        channel: seeded.channel,
        conversation: (await seeded.conversation()).id,
        service: 'crm',
      });
      expect(view.at(-1)).toMatchObject({ id: message, status: 'sent' });
    });

    it('R16: fail with retryAt re-queues the item for then', async () => {
      const seeded = await seedConversation(db.storage);
      const { message } = await seeded.reply('try later');
      await claim('w1', at(3));
      await db.outbox.fail({
        id: message,
        error: { code: 130429, title: 'Rate limit hit' },
        retryAt: at(10),
        at: at(3),
      });
      expect(await claim('w2', at(9))).toEqual([]);
      expect((await claim('w2', at(10))).map((i) => [i.id, i.attempts])).toEqual([[message, 2]]);
    });

    it('R17: fail without retryAt marks the reply failed for every member, with statusChanged events', async () => {
      const seeded = await seedConversation(db.storage);
      const { message } = await seeded.reply('canary-outbox-failed');
      await claim('w1', at(3));
      const error = { code: 131026, title: 'Message undeliverable' };
      await db.outbox.fail({ id: message, error, at: at(3) });
      expect(await claim('w2', at(59))).toEqual([]);
      const conversation = (await seeded.conversation()).id;
      const deskView = await db.storage.view({ org, channel: seeded.channel, conversation, service: 'desk' });
      // R32: the provider's text is the sender's (crm); desk reads the code and its fixed title.
      const fixed = { code: 131026, title: errorTitleOf(131026) };
      expect(deskView.at(-1)).toMatchObject({ id: message, status: 'failed', error: fixed, text: null, masked: true });
      for (const [service, seen] of [
        ['crm', error],
        ['desk', fixed],
      ] as const) {
        const events = await db.storage.events({ org, service });
        expect(events.filter((e) => e.type === 'statusChanged')).toMatchObject([
          { message, status: 'failed', error: seen, service },
        ]);
      }
      expect(JSON.stringify(await db.storage.events({ org, service: 'desk' }))).not.toContain('canary-outbox-failed');
    });

    it('R27: unknown ids and bad claims are typed refusals', async () => {
      expect(await codeOf(db.outbox.complete({ id: 'msg_zz', providerMessageId: 'wamid.x', at: at() }))).toBe(
        'UNKNOWN_MESSAGE',
      );
      expect(await codeOf(db.outbox.fail({ id: 'msg_zz', error: { code: 1, title: 'x' }, at: at() }))).toBe(
        'UNKNOWN_MESSAGE',
      );
      expect(await codeOf(db.outbox.claim({ worker: 'w', now: 'yesterday', leaseMs: 1000, limit: 1 }))).toBe(
        'INVALID_INPUT',
      );
      expect(await codeOf(db.outbox.claim({ worker: 'w', now: at(), leaseMs: 1000, limit: 0 }))).toBe('INVALID_INPUT');
      expect(await db.outbox.findByProviderId('wamid.never')).toBeNull();
    });

    it('R16: a provider id recorded for one reply is not accepted for another', async () => {
      const seeded = await seedConversation(db.storage);
      const a = await seeded.reply('a');
      const b = await seeded.reply('b', at(3));
      await db.outbox.complete({ id: a.message, providerMessageId: 'wamid.same', at: at(4) });
      expect(await codeOf(db.outbox.complete({ id: b.message, providerMessageId: 'wamid.same', at: at(4) }))).toBe(
        'CONFLICT',
      );
      expect((await claim('w', at(5))).map((i) => i.id)).toEqual([b.message]);
    });
  });
}
