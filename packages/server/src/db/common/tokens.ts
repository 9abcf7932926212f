// Service tokens: 32 random bytes, shown once (prefix `on_`), stored only as their SHA-256.
// A presented token is found by its hash and the hashes are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseInput } from '@onenumber/core';
import { z } from 'zod';
import type { IssuedToken, Principal } from '../ServerDatabase';
import { isoTimeSchema, principalSchema } from './schemas';

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

/** A stored token row (only the hash of its secret). */
export interface TokenRow {
  id: string;
  hash: string;
  kind: 'admin' | 'service';
  org: string | null;
  service: string | null;
  created_at: string;
}

export const principalOf = (row: TokenRow): Principal =>
  row.kind === 'admin' ? { kind: 'admin' } : { kind: 'service', org: row.org ?? '', service: row.service ?? '' };

/** A validated principal and time turned into the token to show once and the row to store. */
export function tokenToIssue(principal: Principal, at: string): { issued: IssuedToken; row: TokenRow } {
  const parsed = parseInput(principalSchema, principal, 'principal');
  const createdAt = parseInput(isoTimeSchema, at, 'at');
  const token = newToken();
  const id = newTokenId();
  const row: TokenRow = {
    id,
    hash: hashToken(token),
    kind: parsed.kind,
    org: parsed.kind === 'service' ? parsed.org : null,
    service: parsed.kind === 'service' ? parsed.service : null,
    created_at: createdAt,
  };
  return { issued: { id, token, principal: parsed, createdAt }, row };
}

/** The hash to look a presented token up by, or null when it cannot be a token we issued. */
export const lookupHash = (token: unknown): string | null => (looksLikeToken(token) ? hashToken(token) : null);

export const tokenIdSchema = z.string().min(1).max(64);

export const listedToken = (row: TokenRow): Omit<IssuedToken, 'token'> => ({
  id: row.id,
  principal: principalOf(row),
  createdAt: row.created_at,
});
