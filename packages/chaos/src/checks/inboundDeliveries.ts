// Signed customer messages with ids of our own, delivered to the server's webhook as WhatsApp
// does: one that got no 200 (the server was killed mid-request, or was down) is delivered again,
// byte for byte with the same wamid, until it gets one. `acked` holds every wamid answered 200.
import { messagePayload, signWebhookBody, type BusinessLine } from '@onenumber/whatsapp';
import type { ProcessWorld } from './processWorld';

export function inboundDeliveries(world: ProcessWorld, line: BusinessLine, prefix: string) {
  const acked = new Set<string>();
  const pending = new Map<string, string>(); // wamid -> the exact body to deliver again
  const counts = { firstTry: 0, redeliveries: 0 };

  async function post(id: string, body: string): Promise<boolean> {
    try {
      const response = await fetch(`${world.url}/webhooks/whatsapp`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, world.appSecret) }, body,
      });
      await response.arrayBuffer();
      if (response.status === 200) {
        acked.add(id);
        pending.delete(id);
        return true;
      }
    } catch { /* killed mid-request or not listening: no answer */ }
    pending.set(id, body);
    return false;
  }

  return {
    acked, pending, counts,
    async send(i: number, customer: string, text: string) {
      const id = `wamid.${prefix}.${i}`;
      const body = JSON.stringify(messagePayload(line, { phone: customer }, { id, at: Date.now(), type: 'text', content: { body: text } }));
      if (await post(id, body)) counts.firstTry++;
    },
    /** Delivers everything not yet acknowledged once more. */
    async redeliver() {
      for (const [id, body] of [...pending]) {
        counts.redeliveries++;
        await post(id, body);
      }
    },
  };
}
