// Statements on scoped tokens (R35): only the SHA-256 of a secret is stored; a rotation keeps the
// secret it replaced (previous_hash) until its grace ends.
import type { TokenRow } from '../common/tokens';
import type { Statement } from './statement';

export interface TokenCatalogue {
  insertToken: Statement<
    [
      id: string,
      hash: string,
      kind: string,
      org: string | null,
      service: string | null,
      createdAt: string,
      expiresAt: string | null,
    ]
  >;
  /** By the current secret's hash or by the one a rotation replaced. */
  tokenByHash: Statement<[hash: string], TokenRow>;
  tokenById: Statement<[id: string], TokenRow>;
  /** The row held until commit: two rotations of one token apply one after the other. */
  lockToken: Statement<[id: string], TokenRow>;
  rotateToken: Statement<
    [
      id: string,
      hash: string,
      expiresAt: string | null,
      previousHash: string | null,
      previousUntil: string | null,
      rotatedAt: string,
    ]
  >;
  deleteToken: Statement<[id: string]>;
  listTokens: Statement<[], TokenRow>;
}
