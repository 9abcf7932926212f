// R34: Standard Webhooks signatures (https://www.standardwebhooks.com): the signed content is
// `${webhook-id}.${webhook-timestamp}.${body}`, signed with HMAC-SHA256 under each secret in
// force (`whsec_` + base64 key); `webhook-signature` lists them, space separated, as `v1,<base64>`.
// During a rotation's grace both the new and the previous secret sign, so a receiver holding
// either verifies. Secrets are 32 random bytes.
import { createHmac, randomBytes } from 'node:crypto';

const prefix = 'whsec_';

export const newSecret = (): string => `${prefix}${randomBytes(32).toString('base64')}`;

/** Decoded keys, kept for the secrets in use (a handful per process). */
const keys = new Map<string, Buffer>();
const maxKeys = 1_000;

function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= maxKeys) keys.clear();
    key = Buffer.from(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret, 'base64');
    keys.set(secret, key);
  }
  return key;
}

export function signatureHeader(secrets: readonly string[], id: string, timestamp: number, body: string): string {
  const content = `${id}.${timestamp}.${body}`;
  return secrets
    .map((secret) => `v1,${createHmac('sha256', keyOf(secret)).update(content).digest('base64')}`)
    .join(' ');
}
