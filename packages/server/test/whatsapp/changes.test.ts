// R30 through the server: Meta's documented reaction, un-reaction, edit and revoke deliveries,
// signed and posted to /webhooks/whatsapp, reach every member service's stream as
// messageReacted, messageEdited and messageRevoked, pointing at the message they change (its
// WhatsApp id), unmasked; other kinds stay messageReceived.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './fixtures/fixtures';
import { whatsappWorld, type WhatsAppWorld } from './support/world';

let world: WhatsAppWorld;
beforeAll(async () => {
  world = await whatsappWorld();
}, 60_000);
afterAll(() => world?.close());

/** The fixture's single message object (its target and content, as Meta's example writes them). */
const messageOf = (name: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: Meta's message object, read as the fixture writes it
  (fixture(name).payload as { entry: { changes: { value: { messages: Record<string, any>[] } }[] }[] }).entry[0]!
    .changes[0]!.value.messages[0]!;

describe('R30: a customer change is an event of its own, for every member', () => {
  it('R30: reaction, un-reaction, edit and revoke, in order, each pointing at its message', async () => {
    for (const name of ['text', 'reaction', 'reaction-removed', 'edit', 'revoke'])
      expect((await world.deliver(fixture(name).payload)).status).toBe(200);
    const reaction = messageOf('reaction');
    const removed = messageOf('reaction-removed');
    const edit = messageOf('edit');
    const revoke = messageOf('revoke');
    for (const service of ['crm', 'desk', 'salesiq', 'books'] as const) {
      const changes = (await world.events(service))
        .filter((e) => e.type.startsWith('message'))
        .map(({ type, ...e }) => ({ type, ...('target' in e ? { target: e.target } : {}), e }));
      expect(changes.map((c) => c.type)).toEqual([
        'messageReceived',
        'messageReacted',
        'messageReacted',
        'messageEdited',
        'messageRevoked',
      ]);
      expect(changes.slice(1).map((c) => c.e)).toMatchObject([
        { service, target: reaction.reaction.message_id, emoji: reaction.reaction.emoji, message: { masked: false } },
        { service, target: removed.reaction.message_id, emoji: null },
        { service, target: edit.edit.original_message_id, text: edit.edit.message.text.body },
        { service, target: revoke.revoke.original_message_id },
      ]);
    }
  });
});
