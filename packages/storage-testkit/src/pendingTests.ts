// Conformance, R38: where a transport sends the storage's replies, a reply is stored `pending`
// until the provider accepts it (the report `sent`); statuses move forward pending < sent <
// delivered < read, and failed replaces any of them but read. These cases run on a setup made with
// `{ transport: true }`; a storage with no transport says so (`noTransport`) and they are skipped.
import type { ChannelEvent, ChannelStorage } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { at, connectAll, freshNumber, inbound, replyAs } from './fixtures';

const customer = '+819012345600';

async function pendingReply(storage: ChannelStorage) {
  const number = freshNumber();
  const [crm] = await connectAll(storage, 'acme', number, ['crm', 'desk']);
  await inbound(storage, number, customer, 'question');
  const { message } = await replyAs(storage, 'acme', crm!.channel, customer, 'crm', 'a', 'answer');
  const conversation = (await storage.conversation({ org: 'acme', channel: crm!.channel, customer }))!;
  const statusIn = async (service: string) =>
    (await storage.view({ org: 'acme', channel: crm!.channel, conversation: conversation.id, service })).find(
      (m) => m.id === message,
    )!.status;
  const report = (status: 'sent' | 'delivered' | 'read' | 'failed') =>
    storage.updateStatus({
      org: 'acme',
      message,
      status,
      error: status === 'failed' ? { code: 131026, title: 'Undeliverable' } : null,
      at: at(3),
    });
  return { message, statusIn, report };
}

const statusEvents = async (storage: ChannelStorage, service: string, message: string) =>
  (await storage.events({ org: 'acme', service }))
    .filter((e): e is Extract<ChannelEvent, { type: 'statusChanged' }> => e.type === 'statusChanged')
    .filter((e) => e.message === message)
    .map((e) => e.status);

export const pendingTests: Case[] = [
  [
    'R38: a reply is pending until the provider accepts it, for every member; its messageSent says pending',
    async ({ storage }) => {
      const { message, statusIn, report } = await pendingReply(storage);
      expect(await statusIn('crm')).toBe('pending');
      expect(await statusIn('desk')).toBe('pending');
      for (const service of ['crm', 'desk']) {
        const sent = (await storage.events({ org: 'acme', service })).find(
          (e) => e.type === 'messageSent' && e.message.id === message,
        );
        expect(sent).toMatchObject({ type: 'messageSent', message: { status: 'pending' } });
      }
      expect(await report('sent')).toEqual({ status: 'sent', changed: true });
      expect(await report('sent')).toEqual({ status: 'sent', changed: false }); // accepted once
      expect(await statusIn('desk')).toBe('sent');
      expect(await statusEvents(storage, 'crm', message)).toEqual(['sent']);
      expect(await statusEvents(storage, 'desk', message)).toEqual(['sent']);
    },
  ],
  [
    'R38: pending < sent < delivered < read whatever order reports arrive in; nothing moves back to pending',
    async ({ storage }) => {
      const { message, statusIn, report } = await pendingReply(storage);
      expect(await report('delivered')).toEqual({ status: 'delivered', changed: true });
      expect(await report('sent')).toEqual({ status: 'delivered', changed: false });
      expect(await report('read')).toEqual({ status: 'read', changed: true });
      expect(await report('failed')).toEqual({ status: 'read', changed: false });
      expect(await statusIn('crm')).toBe('read');
      expect(await statusEvents(storage, 'crm', message)).toEqual(['delivered', 'read']);
    },
  ],
  [
    'R38: failed replaces pending (a send refused for good), and a late sent changes nothing',
    async ({ storage }) => {
      const { statusIn, report } = await pendingReply(storage);
      expect(await report('failed')).toEqual({ status: 'failed', changed: true });
      expect(await report('sent')).toEqual({ status: 'failed', changed: false });
      expect(await statusIn('crm')).toBe('failed');
    },
  ],
];
