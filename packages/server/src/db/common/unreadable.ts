// R36 (second line): a stored value a read could not decode is left out of the answer, never
// failing it, and counted here, per process, so the server can show it (health, admin report).
// Such a value only exists when a record was written around the API's edge, or before R36.

export type UnreadableKind = 'raw' | 'error' | 'event' | 'settings' | 'policy' | 'other';

const counts: Record<UnreadableKind, number> = { raw: 0, error: 0, event: 0, settings: 0, policy: 0, other: 0 };

export function countUnreadable(kind: UnreadableKind): void {
  counts[kind]++;
}

export interface UnreadableReads extends Readonly<Record<UnreadableKind, number>> {
  /** Reads that left out something, all kinds together. */
  readonly total: number;
}

/** How many reads (since this process started) left out a stored value they could not decode, by kind. */
export function unreadableReads(): UnreadableReads {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { ...counts, total };
}
