// Scoped tokens on SQLite: issued once, stored as SHA-256 only, verified by hash lookup (R35:
// with expiry, rotation and revocation). A revocation or rotation is announced to this handle's
// watchers after its commit, and logged in token_changes, which the handle polls while anyone
// watches: another process on the same file learns it within a poll.
import { parseInput } from '@onenumber/core';
import { guarded } from '../common/errors';
import { isoTimeSchema } from '../common/schemas';
import { checkRow, listedToken, rotatedRow } from '../common/tokenChecks';
import { lookupHash, tokenIdSchema, tokenToIssue, wellFormedHash } from '../common/tokens';
import type { TokenStore } from '../common/tokenTypes';
import { tokenWatchers } from '../common/tokenWatchers';
import type { SqliteHandle } from './connection';

/** How often other processes' token changes are looked for: well inside R35's second. */
export const tokenPollMs = 100;
const keepChangesMs = 86_400_000;

export function tokenStore(h: SqliteHandle, pollMs = tokenPollMs): TokenStore {
  const { sql } = h;
  let timer: ReturnType<typeof setInterval> | null = null;
  let seen = 0;

  function poll(): void {
    try {
      const latest = sql.latestTokenChange.get()!.seq;
      if (latest === seen) return;
      const ids = sql.tokenChangesAfter.all(seen).map((r) => r.token);
      seen = latest;
      watchers.announce(ids);
    } catch {
      // busy, or the handle closed: the next tick tries again (stop() ends it with the watchers)
    }
  }
  const watchers = tokenWatchers(
    () => {
      try {
        seen = sql.latestTokenChange.get()!.seq;
      } catch {
        seen = 0;
      }
      timer = setInterval(poll, pollMs);
      timer.unref?.();
    },
    () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  );

  const byHash = (hash: string | null) => (hash === null ? undefined : sql.tokenByHash.get(hash, hash));

  /** Writes a change and its log line in one transaction; announces it here after the commit. */
  async function change<T>(id: string, what: 'revoked' | 'rotated', at: string, fn: () => T | null): Promise<T | null> {
    const result = await h.write(() => {
      const value = fn();
      if (value !== null) {
        sql.insertTokenChange.run(id, what, at);
        sql.pruneTokenChanges.run(new Date(Date.parse(at) - keepChangesMs).toISOString());
      }
      return value;
    });
    if (result !== null) watchers.announce([id]);
    return result;
  }

  return {
    issue: (principal, at, options = {}) =>
      guarded(() => {
        const { issued, row } = tokenToIssue(principal, at, options.expiresAt);
        sql.insertToken.run(row);
        return issued;
      }),

    verify: (token) =>
      guarded(() => {
        const hash = lookupHash(token);
        const checked = checkRow(byHash(hash), hash, Date.now());
        return checked.ok ? checked.grant.principal : null;
      }),

    check: (token, now = Date.now()) =>
      guarded(() => {
        const hash = lookupHash(token);
        return checkRow(byHash(hash), hash, now);
      }),

    checkHash: (hash, now = Date.now()) =>
      guarded(() => (wellFormedHash(hash) ? checkRow(byHash(hash), hash, now) : checkRow(undefined, null, now))),

    get: (id) =>
      guarded(() => {
        const row = sql.tokenById.get(parseInput(tokenIdSchema, id, 'id'));
        return row ? listedToken(row) : null;
      }),

    revoke: (id, at = new Date().toISOString()) =>
      guarded(async () => {
        const parsed = parseInput(tokenIdSchema, id, 'id');
        const when = parseInput(isoTimeSchema, at, 'at');
        const deleted = () => (sql.deleteToken.run(parsed).changes > 0 ? true : null);
        return (await change(parsed, 'revoked', when, deleted)) === true;
      }),

    rotate: (id, input) =>
      guarded(() => {
        const parsed = parseInput(tokenIdSchema, id, 'id');
        return change(parsed, 'rotated', input.at, () => {
          const row = sql.tokenById.get(parsed);
          if (!row) return null;
          const next = rotatedRow(row, input);
          sql.rotateToken.run(next.row);
          return next.rotated;
        });
      }),

    list: () => guarded(() => sql.listTokens.all().map(listedToken)),

    watch: (listener) => watchers.add(listener),
  };
}
