// What the security tests share: the WhatsApp world of the server tests (a real server on a
// SQLite file, services with their own tokens), POSTs of hand-written JSON text (values too deep
// for JSON.stringify), and a webhook text message from the customer.
import { messagePayload } from '@onenumber/whatsapp';
import { line, N, type WhatsAppWorld } from '../whatsapp/support/world';

export const taro = '+819012345678';

/** POSTs `text` as it is (not serialised again) with a token. */
export async function postText(world: WhatsAppWorld, path: string, token: string, text: string) {
  const response = await fetch(`${world.server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: text,
  });
  const raw = await response.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** `{"a":{"a":...}}` as JSON text, `depth` levels deep, built without JSON.stringify. */
export const deepJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A customer's text message, signed and delivered through the webhook. */
export async function customerSays(world: WhatsAppWorld, id: string, body: string) {
  const payload = messagePayload(
    line(N),
    { phone: taro, name: 'Taro' },
    { id, at: Date.now(), type: 'text', content: { body } },
  );
  const answer = await world.deliver(payload);
  if (answer.status !== 200) throw new Error(`delivery failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}
