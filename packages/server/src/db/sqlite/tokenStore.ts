// Scoped tokens on SQLite: issued once, stored as SHA-256 only, verified by hash lookup.
import { parseInput } from '@onenumber/core';
import { z } from 'zod';
import type { IssuedToken, Principal, TokenStore } from '../ServerDatabase';
import { guarded } from '../shared/errors';
import { isoTimeSchema, principalSchema } from '../shared/schemas';
import { hashToken, looksLikeToken, newToken, newTokenId, sameHash } from '../shared/tokens';
import type { TokenRow } from './sql';
import type { SqliteHandle } from './connection';

const principalOf = (row: TokenRow): Principal =>
  row.kind === 'admin' ? { kind: 'admin' } : { kind: 'service', org: row.org ?? '', service: row.service ?? '' };

export function tokenStore(h: SqliteHandle): TokenStore {
  const { sql } = h;
  return {
    issue: (principal: Principal, at: string): Promise<IssuedToken> => guarded(() => {
      const parsed = parseInput(principalSchema, principal, 'principal');
      const createdAt = parseInput(isoTimeSchema, at, 'at');
      const token = newToken();
      const id = newTokenId();
      sql.insertToken.run({
        id, hash: hashToken(token), kind: parsed.kind, org: parsed.kind === 'service' ? parsed.org : null,
        service: parsed.kind === 'service' ? parsed.service : null, created_at: createdAt,
      });
      return { id, token, principal: parsed, createdAt };
    }),

    verify: (token: string): Promise<Principal | null> => guarded(() => {
      if (!looksLikeToken(token)) return null;
      const hash = hashToken(token);
      const row = sql.tokenByHash.get(hash);
      return row && sameHash(row.hash, hash) ? principalOf(row) : null;
    }),

    revoke: (id: string): Promise<boolean> => guarded(() => sql.deleteToken.run(parseInput(z.string().min(1).max(64), id, 'id')).changes > 0),

    list: (): Promise<Omit<IssuedToken, 'token'>[]> => guarded(() =>
      sql.listTokens.all().map((row) => ({ id: row.id, principal: principalOf(row), createdAt: row.created_at })),
    ),
  };
}
