// Conformance, R30: a customer's reaction, edit and revoke (stored as the webhook stores them, with
// their typed content beside the raw message) reach every member as events of their own, pointing
// at the message they change, never masked (a customer's messages never are); a plain message, or
// one whose typed content is missing, stays messageReceived.
import type { ChannelEvent, ChannelStorage } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { connectAll, freshNumber, inbound } from './fixtures';

const customer = '+819012345678';
const at = '2026-01-01T00:00:05.000Z';

/** An inbound message of a change kind, with its typed content as the webhook stores it (raw.onenumber). */
const change = (storage: ChannelStorage, number: string, id: string, type: string, content: object, text: string) =>
  storage.receive({
    number,
    customer,
    providerId: id,
    type,
    text,
    raw: { id, type, onenumber: { kind: type, ...content, summary: text } },
    at,
  });

const changes = (events: ChannelEvent[]) =>
  events
    .filter((e) => e.type !== 'membershipChanged' && e.type !== 'parentChanged')
    .map((e) => {
      const {
        id: _id,
        at: _at,
        channel: _channel,
        number: _number,
        message,
        ...rest
      } = e as ChannelEvent & {
        message?: { masked: boolean; text: string | null };
      };
      return { ...rest, masked: message?.masked, text: 'text' in rest ? rest.text : message?.text };
    });

export const changeTests: Case[] = [
  [
    'R30: a customer reaction, its removal, an edit and a revoke are events of their own for every member, pointing at their message',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm', 'desk']);
      await inbound(storage, number, customer, 'my order is late', 'wamid.R30.1');
      await change(
        storage,
        number,
        'wamid.R30.2',
        'reaction',
        { messageId: 'wamid.R30.1', emoji: '👍', removed: false },
        'Reacted 👍',
      );
      await change(
        storage,
        number,
        'wamid.R30.3',
        'reaction',
        { messageId: 'wamid.R30.1', emoji: null, removed: true },
        'Reaction removed',
      );
      await change(
        storage,
        number,
        'wamid.R30.4',
        'edit',
        { messageId: 'wamid.R30.1', text: 'my order is very late' },
        'my order is very late',
      );
      await change(storage, number, 'wamid.R30.5', 'revoke', { messageId: 'wamid.R30.1' }, 'Message deleted');
      for (const service of ['crm', 'desk']) {
        const events = changes(await storage.events({ org: 'acme', service }));
        expect(events.map((e) => e.type)).toEqual([
          'messageReceived',
          'messageReacted',
          'messageReacted',
          'messageEdited',
          'messageRevoked',
        ]);
        expect(events.slice(1)).toMatchObject([
          { service, customer, target: 'wamid.R30.1', emoji: '👍', masked: false },
          { service, customer, target: 'wamid.R30.1', emoji: null, masked: false },
          { service, customer, target: 'wamid.R30.1', text: 'my order is very late', masked: false },
          { service, customer, target: 'wamid.R30.1', masked: false },
        ]);
      }
    },
  ],
  [
    'R30: an inbound message without typed content (an SDK receive, or a type that changes nothing) stays messageReceived',
    async ({ storage }) => {
      const number = freshNumber();
      await connectAll(storage, 'acme', number, ['crm']);
      await storage.receive({
        number,
        customer,
        providerId: 'wamid.R30.6',
        type: 'reaction',
        text: '👍',
        raw: null,
        at,
      });
      await change(storage, number, 'wamid.R30.7', 'location', { messageId: 'wamid.R30.1' }, 'Location');
      const events = await storage.events({ org: 'acme', service: 'crm' });
      expect(events.filter((e) => e.type.startsWith('message')).map((e) => e.type)).toEqual([
        'messageReceived',
        'messageReceived',
      ]);
    },
  ],
];
