// R36 (second line): stored JSON is decoded defensively. A text nested deeper than a reader can
// serialise again, or that is not JSON at all, is not handed on: the read answers without it
// (the caller's fallback) and counts it. The depth is read from the text first, without
// recursion; JSON.parse itself never recurses in V8, so a deep text is still decoded when a
// caller wants to repair it (see storedEvents).
import { checkJsonBounds, jsonNestingExceeds } from '@onenumber/core/storage-kit';
import { countUnreadable, type UnreadableKind } from './unreadable';

/**
 * The deepest stored JSON a read hands on. Far above what the edges accept (R36: 32 for raw, 64
 * for a webhook delivery) and far below what JSON.stringify can write back (about 5,000).
 */
export const storedJsonMaxDepth = 256;
const noSizeLimit = { depth: storedJsonMaxDepth, bytes: Number.MAX_SAFE_INTEGER, keys: Number.MAX_SAFE_INTEGER };

export type Decoded = { ok: true; value: unknown } | { ok: false };

/** Decodes a stored JSON column (text, or a value a driver parsed already) within storedJsonMaxDepth. */
export function decodeStoredJson(stored: unknown): Decoded {
  if (typeof stored !== 'string') {
    return checkJsonBounds(stored, noSizeLimit)?.limit === 'depth' ? { ok: false } : { ok: true, value: stored };
  }
  if (jsonNestingExceeds(stored, storedJsonMaxDepth)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(stored) };
  } catch {
    return { ok: false };
  }
}

/** A stored JSON column's value, or `fallback` (counted as `kind`) when it cannot be read back. */
export function readStoredJson<T>(stored: unknown, kind: UnreadableKind, fallback: T): T {
  const decoded = decodeStoredJson(stored);
  if (decoded.ok) return decoded.value as T;
  countUnreadable(kind);
  return fallback;
}
