// biz_opaque_callback_data: a string (≤ 512 characters) sent with a message that WhatsApp echoes
// on its statuses. OneNumber puts the org, the sending service and the stored message id in it,
// so a status routes back to its reply even before the send's provider id is recorded (R17).
// It carries ids only, never text.
import { z } from 'zod';

export const callbackDataSchema = z
  .object({
    v: z.literal(1),
    org: z.string().min(1).max(128),
    service: z.string().min(1).max(32),
    message: z.string().min(1).max(128),
  })
  .strict();

export type CallbackData = Omit<z.output<typeof callbackDataSchema>, 'v'>;

export const maxCallbackDataLength = 512;

export function encodeCallbackData(data: CallbackData): string {
  const encoded = JSON.stringify({ v: 1, org: data.org, service: data.service, message: data.message });
  if (encoded.length > maxCallbackDataLength)
    throw new RangeError('biz_opaque_callback_data is limited to 512 characters');
  return encoded;
}

/** Our callback data, or null when the string is absent or was not written by OneNumber. */
export function decodeCallbackData(value: string | null | undefined): CallbackData | null {
  if (!value || value.length > maxCallbackDataLength || !value.startsWith('{')) return null;
  try {
    const parsed = callbackDataSchema.safeParse(JSON.parse(value));
    if (!parsed.success) return null;
    const { org, service, message } = parsed.data;
    return { org, service, message };
  } catch {
    return null;
  }
}
