// Scoped tokens on PostgreSQL: issued once, stored as SHA-256 only, verified by hash lookup; a
// token issued through one replica verifies on every other.
import { parseInput } from '@onenumber/core';
import type { IssuedToken, Principal, TokenStore } from '../ServerDatabase';
import { listedToken, lookupHash, principalOf, sameHash, tokenIdSchema, tokenToIssue } from '../common/tokens';
import type { PgHandle } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export function tokenStore(h: PgHandle): TokenStore {
  const { db } = h;
  return {
    issue: (principal: Principal, at: string): Promise<IssuedToken> =>
      guarded(async () => {
        const { issued, row } = tokenToIssue(principal, at);
        await sql.insertToken.run(db, row.id, row.hash, row.kind, row.org, row.service, row.created_at);
        return issued;
      }),

    verify: (token: string): Promise<Principal | null> =>
      guarded(async () => {
        const hash = lookupHash(token);
        const row = hash === null ? undefined : await sql.tokenByHash.get(db, hash);
        return row && sameHash(row.hash, hash!) ? principalOf(row) : null;
      }),

    revoke: (id: string): Promise<boolean> =>
      guarded(async () => (await sql.deleteToken.run(db, parseInput(tokenIdSchema, id, 'id'))) > 0),

    list: (): Promise<Omit<IssuedToken, 'token'>[]> =>
      guarded(async () => (await sql.listTokens.all(db)).map(listedToken)),
  };
}
