// What the token store promises the HTTP layer (R35): tokens issued with an optional expiry,
// rotated under the same id (the old secret kept for a grace period), revoked, and a way to learn
// that a token changed in another process (another replica, another server on the same file), so
// that streams a token opened end when it stops being valid.
import type { Principal } from '../ServerDatabase';

export interface IssuedToken {
  id: string;
  /** The secret, shown once; only its hash is stored. */
  token: string;
  principal: Principal;
  createdAt: string;
  /** When it stops being valid; absent: it is valid until revoked. */
  expiresAt?: string;
}

/** A token as listed: never its secret. */
export interface ListedToken {
  id: string;
  principal: Principal;
  createdAt: string;
  expiresAt?: string;
  /** When its secret was last replaced. */
  rotatedAt?: string;
  /** Until when the secret it replaced is still accepted (its grace period). */
  previousValidUntil?: string;
}

/** A rotated token: the new secret, and until when the old one is still accepted. */
export type RotatedToken = IssuedToken & { rotatedAt: string; previousValidUntil?: string };

/** A presented secret that verifies: who it is, and until when it is valid (null: until revoked). */
export interface TokenGrant {
  id: string;
  principal: Principal;
  /** The SHA-256 of the presented secret (what is stored; not a secret), to check it again later. */
  hash: string;
  validUntil: string | null;
  /** The token's own expiry (validUntil is earlier when an old secret's grace ends first). */
  expiresAt: string | null;
  /** The secret is the one a rotation replaced, accepted during its grace period. */
  previous: boolean;
}

/**
 * A check of a presented secret at a moment: granted, or why not. `expired`: past its expiry;
 * `rotated`: an old secret past its grace period; `unknown`: never issued, or revoked.
 */
export type TokenCheck = { ok: true; grant: TokenGrant } | { ok: false; reason: 'unknown' } | TokenEnded;

/** A secret that was valid and is no longer: the token's expiry passed, or its rotation's grace ended. */
export interface TokenEnded {
  ok: false;
  reason: 'expired' | 'rotated';
  id: string;
  principal: Principal;
  /** When it stopped being valid. */
  at: string;
}

/** Token ids that changed (revoked or rotated); null: any may have (a gap in notifications). */
export type TokenChangeListener = (ids: readonly string[] | null) => void;

export interface TokenStore {
  issue(principal: Principal, at: string, options?: { expiresAt?: string | undefined }): Promise<IssuedToken>;
  /** The principal of a presented token that is valid now (compared by hash, in constant time), or null. */
  verify(token: string): Promise<Principal | null>;
  /** A presented secret checked at `now` (ms; default: the clock). */
  check(token: string, now?: number): Promise<TokenCheck>;
  /** The same by the secret's hash (TokenGrant.hash): how an open stream's token is checked again. */
  checkHash(hash: string, now?: number): Promise<TokenCheck>;
  get(id: string): Promise<ListedToken | null>;
  /** Deletes it: every process refuses it from then on, and ends what it opened. */
  revoke(id: string, at?: string): Promise<boolean>;
  /**
   * A new secret under the same id; the old one stays valid for `graceMs` (0: not at all). An
   * `expiresAt` given replaces the expiry (null: none); absent, it is kept. Null when there is no such token.
   */
  rotate(
    id: string,
    input: { at: string; graceMs: number; expiresAt?: string | null | undefined },
  ): Promise<RotatedToken | null>;
  list(): Promise<ListedToken[]>;
  /** Calls `listener` with the ids of tokens revoked or rotated by any process on this database. */
  watch(listener: TokenChangeListener): () => void;
}
