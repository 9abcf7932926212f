// R34: a receiver's check of a push delivery: the Standard Webhooks signature (webhook-id,
// webhook-timestamp within 5 minutes, webhook-signature, HMAC-SHA256 with the subscription's
// `whsec_` secret), then the body as the typed event its service's stream projects (R17..R20). A
// thin wrapper over the `standardwebhooks` package (pure JavaScript, no host built-ins), so it
// runs on Node, Deno, Bun, workers and browsers. Pass both secrets while you roll a rotated one
// out: either verifies. A delivery that does not verify is UNAUTHORIZED (answer it 401); it
// changes nothing.
import { Webhook } from 'standardwebhooks';
import { OneNumberError } from '../errors';
import type { ChannelEvent } from '../events';

/** Headers as fetch gives them (`get`), or as node:http does (a record, repeated ones as arrays). */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Record<string, string | readonly string[] | undefined>;

/** A fetch Request (its body read once, here), or what a node:http handler has collected. */
export type WebhookRequest =
  | { headers: { get(name: string): string | null }; text(): Promise<string> }
  | { headers: WebhookHeaders; body: string | Uint8Array };

const names = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function headerOf(headers: WebhookHeaders, name: string): string {
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(name: string): string | null }).get(name) ?? '';
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : (value?.join(' ') ?? '');
}

async function bodyOf(request: WebhookRequest): Promise<string> {
  if ('body' in request && (typeof request.body === 'string' || request.body instanceof Uint8Array))
    return typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
  return (request as { text(): Promise<string> }).text();
}

const refused = (why: string) => new OneNumberError('UNAUTHORIZED', `This push delivery does not verify: ${why}.`);

/**
 * Verifies a push delivery and answers its event. `secret` is the subscription's `whsec_...`
 * secret, or several (during a rotation). Throws UNAUTHORIZED when no secret verifies it (or it is
 * older than 5 minutes), and INVALID_INPUT when a secret is not one.
 */
export async function verifyWebhook(
  request: WebhookRequest,
  secret: string | readonly string[],
): Promise<ChannelEvent> {
  const secrets = typeof secret === 'string' ? [secret] : [...secret];
  if (secrets.length === 0) throw new OneNumberError('INVALID_INPUT', 'secret: give at least one', { field: 'secret' });
  const headers = Object.fromEntries(names.map((name) => [name, headerOf(request.headers, name)]));
  if (names.some((name) => !headers[name]))
    throw refused('a webhook-id, webhook-timestamp or webhook-signature header is missing');
  const body = await bodyOf(request);
  let last = 'no secret matches its signature';
  for (const one of secrets) {
    let hook: Webhook;
    try {
      hook = new Webhook(one);
    } catch {
      throw new OneNumberError('INVALID_INPUT', 'secret: a whsec_ secret, as the subscription gave it', {
        field: 'secret',
      });
    }
    try {
      const event = hook.verify(body, headers) as ChannelEvent | undefined;
      if (event && typeof event === 'object' && typeof event.type === 'string') return event;
      throw refused('its body is not an event');
    } catch (error) {
      if (OneNumberError.isInstance(error)) throw error;
      last = (error as Error).message.toLowerCase();
    }
  }
  throw refused(last);
}
