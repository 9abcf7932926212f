// R35: what a stored token row says about a presented secret at a moment. Both dialects read the
// row by either hash (the current secret or the one a rotation replaced) and decide here, on the
// server's clock, so that expiry and grace mean the same on every replica.
import { parseInput } from '@onenumber/core/schemas';
import { utc } from './schemas';
import { newToken, hashToken, principalOf, rotationSchema, sameHash, type TokenRow } from './tokens';
import type { ListedToken, RotatedToken, TokenCheck } from './tokenTypes';

const unknown: TokenCheck = { ok: false, reason: 'unknown' };

const earliest = (times: (string | null)[]): string | null =>
  times.filter((t): t is string => t !== null).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;

/** The row (found by `hash` in either column) checked for the secret of that hash at `now`. */
export function checkRow(row: TokenRow | undefined, hash: string | null, now: number): TokenCheck {
  if (!row || hash === null) return unknown;
  const current = sameHash(row.hash, hash);
  const previous = !current && row.previous_hash !== null && sameHash(row.previous_hash, hash);
  if (!current && !previous) return unknown;
  const principal = principalOf(row);
  const validUntil = earliest([row.expires_at, previous ? row.previous_until : null]);
  if (validUntil !== null && Date.parse(validUntil) <= now) {
    const expired = row.expires_at !== null && Date.parse(row.expires_at) <= now;
    return { ok: false, reason: expired ? 'expired' : 'rotated', id: row.id, principal, at: validUntil };
  }
  return { ok: true, grant: { id: row.id, principal, hash, validUntil, expiresAt: row.expires_at, previous } };
}

/** A row as listed: never a hash. Optional facts only when there are some. */
export const listedToken = (row: TokenRow): ListedToken => ({
  id: row.id,
  principal: principalOf(row),
  createdAt: row.created_at,
  ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
  ...(row.rotated_at ? { rotatedAt: row.rotated_at } : {}),
  ...(row.previous_until && row.previous_hash ? { previousValidUntil: row.previous_until } : {}),
});

/**
 * A rotation of `row`: a new secret; the current one becomes the previous one for `graceMs` (0:
 * dropped at once). A secret an earlier rotation replaced is dropped either way: one old secret at most.
 */
export function rotatedRow(
  row: TokenRow,
  input: { at: string; graceMs: number; expiresAt?: string | null | undefined },
): { row: TokenRow; rotated: RotatedToken } {
  const parsed = parseInput(rotationSchema, input, 'rotation');
  const at = utc(parsed.at);
  const token = newToken();
  const until = parsed.graceMs > 0 ? new Date(Date.parse(at) + parsed.graceMs).toISOString() : null;
  const expires = parsed.expiresAt === undefined ? row.expires_at : parsed.expiresAt && utc(parsed.expiresAt);
  const next: TokenRow = {
    ...row,
    hash: hashToken(token),
    previous_hash: until ? row.hash : null,
    previous_until: until,
    rotated_at: at,
    expires_at: expires,
  };
  const listed = listedToken(next);
  return { row: next, rotated: { ...listed, token, rotatedAt: at } };
}
