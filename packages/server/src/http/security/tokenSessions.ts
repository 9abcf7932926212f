// R35: what a token opened ends when the token stops being valid. Each open event stream is held
// here under its token's id, with the hash of the secret it presented and until when that secret
// is valid. Its expiry (or its old secret's grace end) is a timer in this process, so it ends on
// time whatever the database does; a revocation or rotation in any process reaches the store's
// watch (at once here, by NOTIFY or by polling elsewhere), and the streams of that token check
// their secret again: those no longer granted end, with the reason. The store is watched only
// while some stream is held.
import type { TokenCheck, TokenGrant, TokenStore } from '../../db/ServerDatabase';
import { whoOf, type EndReason, type LogSecurity } from './securityLog';

interface Held {
  grant: TokenGrant;
  end: (reason: EndReason) => void;
  timer: ReturnType<typeof setTimeout> | null;
  opened: number;
}

/** Node's timers hold at most this (about 24.8 days); a later deadline is armed in steps. */
const maxTimerMs = 2_147_483_647;
const retryMs = 250;
const rememberedExpiries = 10_000;

export interface SessionStats {
  open: number;
  ended: Record<EndReason, number>;
}

export function createTokenSessions(tokens: TokenStore, log: LogSecurity) {
  const held = new Map<string, Set<Held>>();
  const ended: Record<EndReason, number> = { revoked: 0, expired: 0, rotated: 0 };
  const expiredLogged = new Set<string>();
  let unwatch: (() => void) | null = null;

  /** Logs a token's expiry once per process (a request refused, or a stream ended). */
  function noteExpired(id: string, principal: TokenGrant['principal'], at: string): void {
    if (expiredLogged.has(id)) return;
    if (expiredLogged.size >= rememberedExpiries) expiredLogged.clear();
    expiredLogged.add(id);
    log({ security: 'token.expired', tokenId: id, ...whoOf(principal), expiresAt: at });
  }

  function finish(entry: Held, reason: EndReason): void {
    const group = held.get(entry.grant.id);
    if (!group?.delete(entry)) return; // ended already
    if (group.size === 0) held.delete(entry.grant.id);
    if (held.size === 0) stopWatching();
    if (entry.timer) clearTimeout(entry.timer);
    ended[reason]++;
    const { id, principal } = entry.grant;
    if (reason === 'expired') noteExpired(id, principal, entry.grant.expiresAt ?? new Date().toISOString());
    log({ security: 'stream.ended', tokenId: id, ...whoOf(principal), reason, openMs: Date.now() - entry.opened });
    try {
      entry.end(reason);
    } catch {
      // the stream is gone already
    }
  }

  /** At validUntil: the token's own expiry, or the end of its old secret's grace. */
  function arm(entry: Held): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    const { validUntil, expiresAt } = entry.grant;
    if (validUntil === null) return;
    const until = Date.parse(validUntil);
    entry.timer = setTimeout(
      () => {
        // A timer may fire a millisecond early (or was capped): only at validUntil does it end.
        if (Date.now() < until) return arm(entry);
        // Which came first decides the reason: the token's own expiry, or its old secret's grace end.
        const expired = expiresAt !== null && Date.parse(expiresAt) <= until;
        finish(entry, expired ? 'expired' : 'rotated');
      },
      Math.max(0, Math.min(until - Date.now(), maxTimerMs)),
    );
    entry.timer.unref?.();
  }

  /** Why a secret that no longer verifies ended: a token id still stored had its secret replaced. */
  async function reasonOf(id: string, check: Exclude<TokenCheck, { ok: true }>): Promise<EndReason> {
    if (check.reason !== 'unknown') return check.reason;
    return (await tokens.get(id).catch(() => null)) ? 'rotated' : 'revoked';
  }

  async function apply(id: string, group: Held[], check: TokenCheck): Promise<void> {
    if (check.ok) {
      for (const entry of group) {
        entry.grant = check.grant;
        arm(entry);
      }
      return;
    }
    const reason = await reasonOf(id, check);
    for (const entry of group) finish(entry, reason);
  }

  /** Checks again the secrets held for these token ids (null: all), once per distinct secret. */
  async function recheck(ids: readonly string[] | null): Promise<void> {
    const targets = ids === null ? [...held.keys()] : ids.filter((id) => held.has(id));
    for (const id of targets) {
      const bySecret = new Map<string, Held[]>();
      for (const entry of held.get(id) ?? [])
        bySecret.set(entry.grant.hash, [...(bySecret.get(entry.grant.hash) ?? []), entry]);
      for (const [hash, group] of bySecret) {
        try {
          await apply(id, group, await tokens.checkHash(hash));
        } catch {
          // the database did not answer: ask again shortly (an expiry still ends on its timer)
          setTimeout(() => void recheck([id]), retryMs).unref?.();
        }
      }
    }
  }

  function startWatching(): void {
    unwatch ??= tokens.watch((ids) => void recheck(ids));
  }
  function stopWatching(): void {
    unwatch?.();
    unwatch = null;
  }

  return {
    /** Holds a stream opened with `grant`; `end` is called once if the token stops being valid. Returns the release. */
    hold(grant: TokenGrant, end: (reason: EndReason) => void): () => void {
      const entry: Held = { grant, end, timer: null, opened: Date.now() };
      const group = held.get(grant.id) ?? new Set<Held>();
      held.set(grant.id, group.add(entry));
      startWatching();
      arm(entry);
      // A change that committed between the request's check and now is not missed.
      void recheck([grant.id]);
      return () => {
        if (entry.timer) clearTimeout(entry.timer);
        const current = held.get(grant.id);
        if (!current?.delete(entry)) return;
        if (current.size === 0) held.delete(grant.id);
        if (held.size === 0) stopWatching();
      };
    },
    noteExpired,
    stats(): SessionStats {
      let open = 0;
      for (const group of held.values()) open += group.size;
      return { open, ended: { ...ended } };
    },
  };
}

export type TokenSessions = ReturnType<typeof createTokenSessions>;
