// The customer's phone over WhatsApp, played by the @onenumber/whatsapp simulator: what the
// customer writes reaches the server as a signed webhook delivery (as Meta's would), and the
// replies the server's outbox worker sends arrive on the phone, with `sent`, `delivered` and,
// when the customer writes again, `read` coming back as signed status webhooks (R16).
import { randomBytes } from 'node:crypto';
import { OneNumberError } from '@onenumber/core';
import { createSimulator, type WhatsAppTransport } from '@onenumber/whatsapp';
import { customer, number, phoneNumberId } from './demo';
import type { Phone } from './phone';

export function createCustomerPhone(phone: Phone) {
  const appSecret = randomBytes(24).toString('hex');
  const simulator = createSimulator({ appSecret, numbers: { [number]: phoneNumberId } });
  const person = simulator.customer(customer, { name: 'Taro' });

  // What the server sends goes through the simulator; the customer's own sends show on the phone.
  const transport: WhatsAppTransport = {
    name: 'simulator',
    async sendText(input) {
      const result = await simulator.sendText(input);
      if (input.to.replace(/^\+/, '') === customer.slice(1)) phone.record('received', input.body);
      return result;
    },
    sendTemplate: (input) => simulator.sendTemplate(input),
  };

  return {
    /** The server's WhatsApp options: its webhook checks this secret, its worker sends here. */
    whatsapp: { appSecret, verifyToken: randomBytes(12).toString('hex'), transport },
    /** Points the simulator at the server's webhook, once the server listens. */
    connect: (serverUrl: string) => simulator.connect(`${serverUrl}/webhooks/whatsapp`),
    /** The customer reads what arrived, then writes: one signed delivery, 200 or an error. */
    async send(text: string) {
      await person.read();
      const { status } = await person.send(text, { to: number });
      if (status !== 200)
        throw new OneNumberError(
          'STORAGE_UNAVAILABLE',
          `The server answered the WhatsApp delivery with HTTP ${status}; check its log (ONENUMBER_LOG=1).`,
        );
      phone.record('sent', text);
    },
    /** Waits until the automatic status deliveries went out. */
    settle: () => simulator.settle(),
  };
}
