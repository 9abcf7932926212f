// Signed customer messages with ids of our own, delivered to the server's webhook as WhatsApp
// does: one that got no 200 (the server was killed mid-request, was down, or closed the
// connection) is delivered again, byte for byte with the same wamid, until it gets one. `acked`
// holds every wamid answered 200; a delivery answered with another status is an error, one that
// got no answer at all is counted apart.
import { messagePayload, signWebhookBody, type BusinessLine } from '@onenumber/whatsapp';

export function inboundDeliveries(target: { url: string; appSecret: string }, prefix: string) {
  const acked = new Set<string>();
  const pending = new Map<string, string>(); // wamid -> the exact body to deliver again
  const counts = { posts: 0, firstTry: 0, redeliveries: 0, noAnswer: 0, notOk: 0 };
  const statuses: Record<string, number> = {};

  async function post(id: string, body: string): Promise<boolean> {
    counts.posts++;
    try {
      const response = await fetch(`${target.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, target.appSecret) },
        body,
      });
      await response.arrayBuffer();
      if (response.status === 200) {
        acked.add(id);
        pending.delete(id);
        return true;
      }
      counts.notOk++;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    } catch {
      counts.noAnswer++; // killed mid-request, not listening, or the connection closed before an answer
    }
    pending.set(id, body);
    return false;
  }

  return {
    acked,
    pending,
    counts,
    statuses,
    async send(i: number, line: BusinessLine, customer: string, text: string): Promise<boolean> {
      const id = `wamid.${prefix}.${i}`;
      const body = JSON.stringify(
        messagePayload(line, { phone: customer }, { id, at: Date.now(), type: 'text', content: { body: text } }),
      );
      const ok = await post(id, body);
      if (ok) counts.firstTry++;
      return ok;
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
