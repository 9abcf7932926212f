// Service tokens: 32 random bytes, shown once (prefix `on_`), stored only as their SHA-256.
// A presented token is found by its hash and the hashes are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import type { Principal } from '../ServerDatabase';
import { isoTimeSchema, principalSchema, utc } from './schemas';
import type { IssuedToken } from './tokenTypes';

const tokenPattern = /^on_[A-Za-z0-9_-]{43}$/;

export const newToken = (): string => `on_${randomBytes(32).toString('base64url')}`;

export const newTokenId = (): string => `tok_${randomBytes(9).toString('base64url')}`;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** False for anything that cannot be a token we issued (checked before any lookup). */
export const looksLikeToken = (token: unknown): token is string =>
  typeof token === 'string' && tokenPattern.test(token);

export function sameHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(presented, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A stored token row (only hashes of its secrets). Times are UTC ISO text. */
export interface TokenRow {
  id: string;
  hash: string;
  kind: 'admin' | 'service';
  org: string | null;
  service: string | null;
  created_at: string;
  /** R35: past this, the token is refused (null: valid until revoked). */
  expires_at: string | null;
  /** The secret a rotation replaced, accepted until previous_until. */
  previous_hash: string | null;
  previous_until: string | null;
  rotated_at: string | null;
}

export const principalOf = (row: TokenRow): Principal =>
  row.kind === 'admin' ? { kind: 'admin' } : { kind: 'service', org: row.org ?? '', service: row.service ?? '' };

/** A validated principal, time and expiry turned into the token to show once and the row to store. */
export function tokenToIssue(
  principal: Principal,
  at: string,
  expiresAt?: string | undefined,
): { issued: IssuedToken; row: TokenRow } {
  const parsed = parseInput(principalSchema, principal, 'principal');
  const createdAt = parseInput(isoTimeSchema, at, 'at');
  const expires = expiresAt === undefined ? null : utc(parseInput(isoTimeSchema, expiresAt, 'expiresAt'));
  const token = newToken();
  const id = newTokenId();
  const row: TokenRow = {
    id,
    hash: hashToken(token),
    kind: parsed.kind,
    org: parsed.kind === 'service' ? parsed.org : null,
    service: parsed.kind === 'service' ? parsed.service : null,
    created_at: createdAt,
    expires_at: expires,
    previous_hash: null,
    previous_until: null,
    rotated_at: null,
  };
  return { issued: { id, token, principal: parsed, createdAt, ...(expires ? { expiresAt: expires } : {}) }, row };
}

/** The hash to look a presented token up by, or null when it cannot be a token we issued. */
export const lookupHash = (token: unknown): string | null => (looksLikeToken(token) ? hashToken(token) : null);

/** A hash as TokenGrant carries it: 64 hex digits, or null. */
export const wellFormedHash = (hash: unknown): hash is string =>
  typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash);

export const tokenIdSchema = z.string().min(1).max(64);

/** A rotation's input: a grace of 0 ms to 7 days; an expiry replaced (null: none) or kept (absent). */
export const rotationSchema = z
  .object({
    at: isoTimeSchema,
    graceMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400_000),
    expiresAt: isoTimeSchema.nullable().optional(),
  })
  .strict();
