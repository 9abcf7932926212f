// Scoped tokens on PostgreSQL: issued once, stored as SHA-256 only, verified by hash lookup; a
// token issued through one replica verifies on every other. R35: a revocation or rotation is
// written with a NOTIFY on the events' channel in the same transaction, so every other replica
// hears it at the commit (listener.ts hands it to `heard`); this handle's watchers are told at once.
import { parseInput } from '@onenumber/core';
import { isoTimeSchema } from '../common/schemas';
import { checkRow, listedToken, rotatedRow } from '../common/tokenChecks';
import { lookupHash, tokenIdSchema, tokenToIssue, wellFormedHash } from '../common/tokens';
import type { TokenChangeListener, TokenStore } from '../common/tokenTypes';
import { tokenWatchers } from '../common/tokenWatchers';
import type { PgHandle, PgTx } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export type PostgresTokenStore = TokenStore & {
  /** What the listener heard from other replicas (null: notifications may have been missed). */
  heard: TokenChangeListener;
};

export function tokenStore(h: PgHandle): PostgresTokenStore {
  const { db } = h;
  const watchers = tokenWatchers();

  const byHash = async (hash: string | null) => (hash === null ? undefined : await sql.tokenByHash.get(db, hash));

  /** Runs `fn` in a write; when it changed the token, NOTIFY (at commit) and tell this handle's watchers. */
  async function change<T>(id: string, fn: (tx: PgTx) => Promise<T | null>): Promise<T | null> {
    const result = await h.write(async (tx) => {
      const value = await fn(tx);
      if (value !== null)
        await sql.notifyTokens.run(tx.client, h.channel, JSON.stringify({ origin: h.origin, tokens: [id] }));
      return value;
    });
    if (result !== null) watchers.announce([id]);
    return result;
  }

  return {
    issue: (principal, at, options = {}) =>
      guarded(async () => {
        const { issued, row } = tokenToIssue(principal, at, options.expiresAt);
        await sql.insertToken.run(db, row.id, row.hash, row.kind, row.org, row.service, row.created_at, row.expires_at);
        return issued;
      }),

    verify: (token) =>
      guarded(async () => {
        const hash = lookupHash(token);
        const checked = checkRow(await byHash(hash), hash, Date.now());
        return checked.ok ? checked.grant.principal : null;
      }),

    check: (token, now = Date.now()) =>
      guarded(async () => {
        const hash = lookupHash(token);
        return checkRow(await byHash(hash), hash, now);
      }),

    checkHash: (hash, now = Date.now()) =>
      guarded(async () =>
        wellFormedHash(hash) ? checkRow(await byHash(hash), hash, now) : checkRow(undefined, null, now),
      ),

    get: (id) =>
      guarded(async () => {
        const row = await sql.tokenById.get(db, parseInput(tokenIdSchema, id, 'id'));
        return row ? listedToken(row) : null;
      }),

    revoke: (id, at = new Date().toISOString()) =>
      guarded(async () => {
        const parsed = parseInput(tokenIdSchema, id, 'id');
        parseInput(isoTimeSchema, at, 'at');
        const deleted = async (tx: PgTx) => ((await sql.deleteToken.run(tx.client, parsed)) > 0 ? true : null);
        return (await change(parsed, deleted)) === true;
      }),

    rotate: (id, input) =>
      guarded(async () => {
        const parsed = parseInput(tokenIdSchema, id, 'id');
        return change(parsed, async (tx) => {
          const row = await sql.tokenByIdForUpdate.get(tx.client, parsed);
          if (!row) return null;
          const { row: next, rotated } = rotatedRow(row, input);
          await sql.rotateToken.run(
            tx.client,
            next.id,
            next.hash,
            next.expires_at,
            next.previous_hash,
            next.previous_until,
            next.rotated_at!,
          );
          return rotated;
        });
      }),

    list: () => guarded(async () => (await sql.listTokens.all(db)).map(listedToken)),

    watch: (listener) => watchers.add(listener),

    heard: (ids) => watchers.announce(ids),
  };
}
