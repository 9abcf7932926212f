// The customers' phones over WhatsApp, played by the @onenumber/whatsapp simulator: what a
// customer writes reaches the server as a signed webhook delivery (as Meta's would), and the
// replies the server's outbox worker sends arrive on that customer's phone, with `sent`,
// `delivered` and, when the customer writes again, `read` coming back as signed status webhooks
// (R16).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { OneNumberError } from '@onenumber/core';
import { createSimulator, type WhatsAppTransport } from '@onenumber/whatsapp';
import { customers, number, phoneNumberId } from './demo';
import type { Phone } from './phone';

export function createCustomerPhone(phone: Phone) {
  const appSecret = randomBytes(24).toString('hex');
  const simulator = createSimulator({ appSecret, numbers: { [number]: phoneNumberId } });
  const people = new Map<string, ReturnType<typeof simulator.customer>>(
    customers.map((c) => [c.id, simulator.customer(c.id, { name: c.name })]),
  );
  const known = (to: string) => customers.find((c) => c.id === `+${to.replace(/^\+/, '')}`)?.id;

  // What the server sends goes through the simulator; each customer's own sends show on their phone.
  const transport: WhatsAppTransport = {
    name: 'simulator',
    async sendText(input) {
      const result = await simulator.sendText(input);
      const to = known(input.to);
      if (to) phone.record(to, 'received', input.body, { id: result.id });
      return result;
    },
    sendTemplate: (input) => simulator.sendTemplate(input),
    // A media reply (R16): the customer receives the file the service uploaded.
    async sendMedia(input) {
      const result = await simulator.sendMedia(input);
      const to = known(input.to);
      const media = 'id' in input.media ? input.media.id : undefined;
      if (to) phone.record(to, 'received', input.caption ?? '', { kind: 'image', id: result.id, media });
      return result;
    },
    // R39: the business read a customer's message (blue ticks on the phone), maybe typing.
    async markRead(input) {
      const result = await simulator.markRead(input);
      phone.markRead(input.messageId, input.typing ?? false);
      return result;
    },
    // The files customers sent, for the server's GET /v1/media/{message} (the Graph API's part).
    downloadMedia: (input) => simulator.downloadMedia(input),
  };
  const personOf = (customer: string) => {
    const person = people.get(customer);
    if (!person) throw new OneNumberError('INVALID_INPUT', `The playground has no customer ${customer}.`);
    return person;
  };
  const delivered = (status: number) => {
    if (status !== 200)
      throw new OneNumberError(
        'STORAGE_UNAVAILABLE',
        `The server answered the WhatsApp delivery with HTTP ${status}; check its log (ONENUMBER_LOG=1).`,
      );
  };

  return {
    /** The server's WhatsApp options: its webhook checks this secret, its worker sends here. */
    whatsapp: { appSecret, verifyToken: randomBytes(12).toString('hex'), transport },
    /** Points the simulator at the server's webhook, once the server listens. */
    connect: (serverUrl: string) => simulator.connect(`${serverUrl}/webhooks/whatsapp`),
    /** A service's file uploaded to "WhatsApp" (as its backend would, POST /{phone-number-id}/media): its media id. */
    upload: async (bytes: Uint8Array, mimeType: string) =>
      (await simulator.uploadMedia({ from: phoneNumberId, kind: 'image', file: bytes, mimeType })).id,
    /** A file the phone received, to show it. */
    phoneFile: (mediaId: string) => simulator.downloadMedia({ mediaId, kind: 'image' }),
    /** The customer reads what arrived, then writes: one signed delivery, 200 or an error. */
    async send(customer: string, text: string) {
      const person = personOf(customer);
      await person.read();
      const { id, status } = await person.send(text, { to: number });
      delivered(status);
      phone.record(customer, 'sent', text, { id });
    },
    /** A photo, as WhatsApp delivers one: the webhook carries a media id, the file stays with "Meta". */
    async sendPhoto(customer: string, photo: { bytes: Uint8Array; mimeType: string; caption?: string }) {
      const person = personOf(customer);
      const mediaId = `${randomInt(1e9, 2e9)}${randomInt(1e6, 2e6)}`;
      simulator.putMedia(mediaId, { bytes: photo.bytes, mimeType: photo.mimeType });
      const sha256 = createHash('sha256').update(photo.bytes).digest('base64');
      const content = {
        id: mediaId,
        mime_type: photo.mimeType,
        sha256,
        ...(photo.caption ? { caption: photo.caption } : {}),
      };
      await person.read();
      const sent = await person.sendMessage({ to: number, type: 'image', content });
      delivered(sent.status);
      phone.record(customer, 'sent', photo.caption ?? '', { kind: 'image', id: sent.id });
    },
    /** The customer's location, as WhatsApp delivers a shared pin. */
    async sendLocation(customer: string) {
      const person = personOf(customer);
      const content = {
        latitude: 35.681236,
        longitude: 139.767125,
        name: 'Tokyo Station',
        address: '1 Marunouchi, Chiyoda',
      };
      await person.read();
      const sent = await person.sendMessage({ to: number, type: 'location', content });
      delivered(sent.status);
      phone.record(customer, 'sent', content.name, { kind: 'location', id: sent.id });
    },
    /** The customer reacts to a message the business sent them (WhatsApp's reaction message). */
    async react(customer: string, messageId: string, emoji: string) {
      const person = personOf(customer);
      const content = { message_id: messageId, emoji };
      delivered((await person.sendMessage({ to: number, type: 'reaction', content })).status);
      phone.record(customer, 'sent', emoji, { kind: 'reaction' });
    },
    /** Waits until the automatic status deliveries went out. */
    settle: () => simulator.settle(),
  };
}
