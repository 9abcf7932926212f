// X-Hub-Signature-256: `sha256=<hex>`, an HMAC-SHA256 of the RAW request bytes with the app
// secret (Meta's Cloud API docs). Computed over the bytes as received (re-serialised JSON differs)
// and compared in constant time, lengths checked first (timingSafeEqual throws on a mismatch).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-hub-signature-256';

/** The header value Meta would send for these bytes: `sha256=<hex>`. */
export function signWebhookBody(body: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** True only when `header` is exactly the signature of `body` with `appSecret`. */
export function verifyWebhookSignature(
  body: Uint8Array,
  header: string | null | undefined,
  appSecret: string,
): boolean {
  if (!header || !appSecret) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]!.toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Compares two secrets (the verify token) without leaking where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
