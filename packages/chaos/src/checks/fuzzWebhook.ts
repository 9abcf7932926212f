// Fuzzing the signed webhook (R27): generated deliveries, most signed with the app secret so they
// pass the signature and reach the parser: a real delivery with one field anywhere in it replaced
// or removed, junk, raw bytes; some unsigned or wrongly signed. Each refusal must be typed and
// leave the stored state as it was.
import { messagePayload, signWebhookBody } from '@onenumber/whatsapp';
import fc from 'fast-check';
import { junk, rawBody } from './arbitraries';

export const webhookSecrets = { appSecret: 'fuzz-app-secret', verifyToken: 'fuzz-verify-token' };
export const fuzzPhoneNumberId = '106540352242922';

/** A real delivery of one text message to `number` from a customer. */
export function validDelivery(number: string): unknown {
  return messagePayload(
    { account: '102290129340398', phoneNumberId: fuzzPhoneNumberId, displayPhoneNumber: number.slice(1) },
    { phone: '+819012345678', name: 'Taro' },
    { id: 'wamid.fuzz.valid', at: 1_760_000_000_000, type: 'text', content: { body: 'hello' } },
  );
}

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    ...(at.length ? [at] : []),
    ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k])),
  ];
}

/** `valid` with the value at one path replaced by junk, or removed. */
function brokenAt(valid: unknown) {
  return fc.tuple(fc.constantFrom(...paths(valid)), fc.option(junk, { nil: undefined })).map(([path, replacement]) => {
    const copy = structuredClone(valid) as Record<string | number, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (replacement === undefined) delete node[last];
    else node[last] = replacement;
    return copy;
  });
}

export interface WebhookInput {
  body: string;
  signature: string | null;
}

export function webhookInput(number: string) {
  const valid = validDelivery(number);
  const body = fc.oneof(
    { weight: 6, arbitrary: brokenAt(valid).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: junk.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: rawBody },
  );
  const signing = fc.constantFrom('signed', 'signed', 'signed', 'signed', 'none', 'wrong');
  return fc.tuple(body, signing).map(
    ([text, how]): WebhookInput => ({
      body: text,
      signature:
        how === 'signed'
          ? signWebhookBody(text, webhookSecrets.appSecret)
          : how === 'wrong'
            ? signWebhookBody(text, 'not-the-secret')
            : null,
    }),
  );
}

/**
 * A 500 the server gives by design: the delivery names only well-formed phone_number_ids that are
 * not registered (PUT /v1/admin/numbers), so it cannot be routed yet and WhatsApp delivers it again.
 */
export function unregisteredByDesign(body: string): boolean {
  let ids: unknown[] = [];
  try {
    const payload = JSON.parse(body) as {
      entry?: { changes?: { value?: { metadata?: { phone_number_id?: unknown } } }[] }[];
    };
    ids = (payload.entry ?? []).flatMap((e) => (e.changes ?? []).map((c) => c.value?.metadata?.phone_number_id));
  } catch {
    return false;
  }
  return (
    ids.length > 0 && ids.every((id) => typeof id === 'string' && /^[0-9]{1,32}$/.test(id) && id !== fuzzPhoneNumberId)
  );
}
