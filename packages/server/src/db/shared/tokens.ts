// Service tokens: 32 random bytes, shown once (prefix `on_`), stored only as their SHA-256.
// A presented token is found by its hash and the hashes are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const tokenPattern = /^on_[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => `on_${randomBytes(32).toString('base64url')}`;

export const newTokenId = (): string => `tok_${randomBytes(9).toString('base64url')}`;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** False for anything that cannot be a token we issued (checked before any lookup). */
export const looksLikeToken = (token: unknown): token is string => typeof token === 'string' && tokenPattern.test(token);

export function sameHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(presented, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
