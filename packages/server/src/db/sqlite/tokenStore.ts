// Scoped tokens on SQLite: issued once, stored as SHA-256 only, verified by hash lookup.
import { parseInput } from '@onenumber/core';
import type { IssuedToken, Principal, TokenStore } from '../ServerDatabase';
import { guarded } from '../common/errors';
import { listedToken, lookupHash, principalOf, sameHash, tokenIdSchema, tokenToIssue } from '../common/tokens';
import type { SqliteHandle } from './connection';

export function tokenStore(h: SqliteHandle): TokenStore {
  const { sql } = h;
  return {
    issue: (principal: Principal, at: string): Promise<IssuedToken> =>
      guarded(() => {
        const { issued, row } = tokenToIssue(principal, at);
        sql.insertToken.run(row);
        return issued;
      }),

    verify: (token: string): Promise<Principal | null> =>
      guarded(() => {
        const hash = lookupHash(token);
        const row = hash === null ? undefined : sql.tokenByHash.get(hash);
        return row && sameHash(row.hash, hash!) ? principalOf(row) : null;
      }),

    revoke: (id: string): Promise<boolean> =>
      guarded(() => sql.deleteToken.run(parseInput(tokenIdSchema, id, 'id')).changes > 0),

    list: (): Promise<Omit<IssuedToken, 'token'>[]> => guarded(() => sql.listTokens.all().map(listedToken)),
  };
}
