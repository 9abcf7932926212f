// Scoped tokens (R35), written once for every dialect: issued once, stored as SHA-256 only,
// verified by hash lookup, with expiry, rotation and revocation decided on the server's clock
// (common/tokenChecks). A revocation or rotation is told to the other processes in its own
// transaction (the runner's tokensChanged: SQLite logs it for their poll, PostgreSQL NOTIFYs at
// commit) and to this handle's watchers after the commit; what other processes change comes back
// through the dialect's feed (its listener), followed only while anyone watches.
import { parseInput } from '@onenumber/core/schemas';
import { guarded } from '../common/errors';
import { isoTimeSchema } from '../common/schemas';
import { checkRow, listedToken, rotatedRow } from '../common/tokenChecks';
import { lookupHash, tokenIdSchema, tokenToIssue, wellFormedHash } from '../common/tokens';
import type { TokenChangeListener, TokenStore } from '../common/tokenTypes';
import { tokenWatchers } from '../common/tokenWatchers';
import type { Runner } from '../port/runner';
import { all, one, run, tokensChanged, type Steps } from '../port/steps';

/** How a dialect hears other processes' token changes: `follow` until the returned stop is called. */
export interface TokenFeed {
  follow(heard: TokenChangeListener): () => void;
}

function* byHash(hash: string | null) {
  return hash === null ? undefined : yield* one('tokenByHash', hash);
}

export function tokenStore(db: Runner, feed: TokenFeed): TokenStore {
  let stop: (() => void) | null = null;
  const watchers = tokenWatchers(
    () => {
      stop = feed.follow((ids) => watchers.announce(ids));
    },
    () => {
      stop?.();
      stop = null;
    },
  );

  /** A change and its notice in one write; this handle's watchers hear it after the commit. */
  async function change<T>(id: string, what: 'revoked' | 'rotated', at: string, steps: () => Steps<T | null>) {
    const result = await db.write(function* () {
      const value = yield* steps();
      if (value !== null) yield* tokensChanged([id], what, at);
      return value;
    });
    if (result !== null) watchers.announce([id]);
    return result;
  }

  return {
    issue: (principal, at, options = {}) =>
      guarded(() => {
        const { issued, row } = tokenToIssue(principal, at, options.expiresAt);
        return db.run(function* () {
          yield* run('insertToken', row.id, row.hash, row.kind, row.org, row.service, row.created_at, row.expires_at);
          return issued;
        });
      }),

    verify: (token) =>
      guarded(() => {
        const hash = lookupHash(token);
        return db.run(function* () {
          const checked = checkRow(yield* byHash(hash), hash, Date.now());
          return checked.ok ? checked.grant.principal : null;
        });
      }),

    check: (token, now = Date.now()) =>
      guarded(() => {
        const hash = lookupHash(token);
        return db.run(function* () {
          return checkRow(yield* byHash(hash), hash, now);
        });
      }),

    checkHash: (hash, now = Date.now()) =>
      guarded(() =>
        db.run(function* () {
          return wellFormedHash(hash) ? checkRow(yield* byHash(hash), hash, now) : checkRow(undefined, null, now);
        }),
      ),

    get: (id) =>
      guarded(() => {
        const key = parseInput(tokenIdSchema, id, 'id');
        return db.run(function* () {
          const row = yield* one('tokenById', key);
          return row ? listedToken(row) : null;
        });
      }),

    revoke: (id, at = new Date().toISOString()) =>
      guarded(async () => {
        const parsed = parseInput(tokenIdSchema, id, 'id');
        const when = parseInput(isoTimeSchema, at, 'at');
        const deleted = function* () {
          return (yield* run('deleteToken', parsed)) > 0 ? true : null;
        };
        return (await change(parsed, 'revoked', when, deleted)) === true;
      }),

    rotate: (id, input) =>
      guarded(() => {
        const parsed = parseInput(tokenIdSchema, id, 'id');
        return change(parsed, 'rotated', input.at, function* () {
          const row = yield* one('lockToken', parsed);
          if (!row) return null;
          const { row: next, rotated } = rotatedRow(row, input);
          yield* run(
            'rotateToken',
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

    list: () =>
      guarded(() =>
        db.run(function* () {
          return (yield* all('listTokens')).map(listedToken);
        }),
      ),

    watch: (listener) => watchers.add(listener),
  };
}
