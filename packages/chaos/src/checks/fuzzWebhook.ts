// Fuzzing the signed webhook (R27): generated deliveries, most signed with the app secret so they
// pass the signature and reach the parser: a real delivery with one field anywhere in it replaced
// or removed (a delivery of every kind: text, reactions, edits, revokes, media, locations,
// statuses, echoes, and one for a number nobody registered, which R29 parks), junk, raw bytes;
// some unsigned or wrongly signed. Each refusal must be typed and leave the stored state as it
// was; none is a 5xx (an unregistered number is parked, 200).
import { messagePayload, signWebhookBody, statusPayload } from '@onenumber/whatsapp';
import fc from 'fast-check';
import { junk, rawBody } from './arbitraries';

export const webhookSecrets = { appSecret: 'fuzz-app-secret', verifyToken: 'fuzz-verify-token' };
export const fuzzPhoneNumberId = '106540352242922';

const line = (number: string, phoneNumberId = fuzzPhoneNumberId) => ({
  account: '102290129340398',
  phoneNumberId,
  displayPhoneNumber: number.slice(1),
});
const taro = { phone: '+819012345678', name: 'Taro' };
const at = 1_760_000_000_000;

/** A real delivery of one text message to `number` from a customer. */
export function validDelivery(number: string): unknown {
  return messagePayload(line(number), taro, { id: 'wamid.fuzz.valid', at, type: 'text', content: { body: 'hello' } });
}

/**
 * Real deliveries of every kind the fuzz breaks: text, a reaction and its removal, an edit, a
 * revoke, an image, a location, a status, an echo (smb_message_echoes), and a text for a number
 * nobody registered (R29: parked, 200).
 */
export function validDeliveries(number: string): unknown[] {
  const message = (type: string, content: unknown) =>
    messagePayload(line(number), taro, { id: `wamid.fuzz.${type}`, at, type, content });
  const echo = structuredClone(validDelivery(number)) as {
    entry: { changes: { field: string; value: Record<string, unknown> }[] }[];
  };
  const change = echo.entry[0]!.changes[0]!;
  change.field = 'smb_message_echoes';
  change.value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: number.slice(1), phone_number_id: fuzzPhoneNumberId },
    message_echoes: [
      {
        from: number.slice(1),
        to: '819012345678',
        id: 'wamid.fuzz.echo',
        timestamp: '1760000000',
        type: 'text',
        text: { body: 'sent from the app' },
      },
    ],
  };
  return [
    validDelivery(number),
    message('reaction', { message_id: 'wamid.fuzz.valid', emoji: '\u{1F44D}' }),
    message('reaction', { message_id: 'wamid.fuzz.valid', emoji: '' }),
    message('edit', {
      original_message_id: 'wamid.fuzz.valid',
      message: { type: 'text', text: { body: 'hello again' } },
    }),
    message('revoke', { original_message_id: 'wamid.fuzz.valid' }),
    message('image', { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'abc=', caption: 'a photo' }),
    message('location', { latitude: 35.6812, longitude: 139.7671, name: 'Tokyo Station' }),
    statusPayload(line(number), taro, { id: 'wamid.fuzz.reply', status: 'delivered', at }),
    echo,
    messagePayload(line(number, '106540352249999'), taro, {
      id: 'wamid.fuzz.parked',
      at,
      type: 'text',
      content: { body: 'before any connect' },
    }),
  ];
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
  const broken = fc.oneof(...validDeliveries(number).map(brokenAt));
  const body = fc.oneof(
    { weight: 6, arbitrary: broken.map((v) => JSON.stringify(v)) },
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
