// Conformance, R27 and R36: a storage stores no message core would refuse. Its raw object is
// within the bounds (32 deep, 64 KiB, 1,000 keys), its type in the closed list, its provider id
// and customer well-formed Unicode; otherwise INVALID_INPUT naming the field, and nothing stored.
import type { ChannelStorage } from '@onenumber/core';
import { expect } from 'vitest';
import type { Case } from './describeStorage';
import { at, connectAll, freshNumber, inbound } from './fixtures';

const customer = '+819012345678';

/** A value nested `depth` levels deep: {"a":{"a":...}}. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string | undefined; field: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    const { code, field } = error as { code?: string; field?: string };
    return { code, field };
  }
  return { code: 'ACCEPTED', field: undefined };
}

/** A number with crm on it and one stored inbound message. */
async function oneMessage(storage: ChannelStorage) {
  const number = freshNumber();
  const [crm] = await connectAll(storage, 'acme', number, ['crm']);
  await inbound(storage, number, customer, 'first');
  const conversation = (await storage.conversation({ org: 'acme', channel: crm!.channel, customer }))!;
  const history = () =>
    storage.view({ org: 'acme', channel: crm!.channel, conversation: conversation.id, service: 'crm' });
  return { number, channel: crm!.channel, conversation, history };
}

const record = (number: string, extra: Record<string, unknown>) => ({
  number,
  customer,
  providerId: null,
  type: 'text',
  text: 'x',
  raw: null,
  at: at(1),
  ...extra,
});

export const boundedInputTests: Case[] = [
  [
    'R36: a raw object past the bounds (depth, size, keys) is INVALID_INPUT naming raw; nothing is stored',
    async ({ storage }) => {
      const { number, channel, conversation, history } = await oneMessage(storage);
      const manyKeys = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, i]));
      for (const raw of [nested(40), { blob: 'x'.repeat(70_000) }, manyKeys]) {
        expect(await refusal(storage.receive(record(number, { raw })))).toEqual({
          code: 'INVALID_INPUT',
          field: 'raw',
        });
        const reply = storage.appendReply({
          org: 'acme',
          channel,
          conversation: conversation.id,
          expectedVersion: 0,
          service: 'crm',
          agent: 'a',
          agentName: 'Agent A',
          type: 'text',
          text: 'r',
          raw,
          assign: false,
          at: at(2),
        });
        expect(await refusal(reply)).toEqual({ code: 'INVALID_INPUT', field: 'raw' });
      }
      expect((await storage.receive(record(number, { raw: nested(32) }))).duplicate).toBe(false);
      expect((await history()).map((m) => m.text)).toEqual(['first', 'x']);
    },
  ],
  [
    'R27: a message type outside the closed list is INVALID_INPUT naming type; nothing is stored',
    async ({ storage }) => {
      const { number, history } = await oneMessage(storage);
      for (const type of ['hologram', 'TEXT', '<b>text</b>'])
        expect(await refusal(storage.receive(record(number, { type })))).toEqual({
          code: 'INVALID_INPUT',
          field: 'type',
        });
      await storage.receive(record(number, { type: 'image', text: null }));
      expect((await history()).map((m) => m.type)).toEqual(['text', 'image']);
    },
  ],
  [
    'R27, R36: a provider id or customer with a lone surrogate is INVALID_INPUT; two such ids never become one',
    async ({ storage }) => {
      const { number, history } = await oneMessage(storage);
      for (const providerId of ['wamid.\ud800', 'wamid.\udfff'])
        expect(await refusal(storage.receive(record(number, { providerId })))).toEqual({
          code: 'INVALID_INPUT',
          field: 'providerId',
        });
      expect(await refusal(storage.receive(record(number, { customer: '+8190\ud83d' })))).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'customer',
      });
      // Well-formed ids that differ only past the BMP stay two keys.
      await storage.receive(record(number, { providerId: 'wamid.\ud83d\ude00', text: 'a' }));
      await storage.receive(record(number, { providerId: 'wamid.\ud83d\ude01', text: 'b' }));
      expect((await history()).map((m) => m.text)).toEqual(['first', 'a', 'b']);
    },
  ],
];
