// What other processes on the same file did, heard by polling (SQLite has no notifications):
// R35's token changes, logged in token_changes by their writes (connection.ts tokensChanged),
// polled only while anyone watches, well inside R35's second. (Events are polled by the event
// hub, on the highest event id.)
import type { TokenFeed } from '../stores/tokenStore';
import type { SqliteHandle } from './connection';

/** How often other processes' token changes are looked for. */
export const tokenPollMs = 100;

export function tokenFeed(h: SqliteHandle, pollMs = tokenPollMs): TokenFeed {
  const latest = () => (h.own.latestTokenChange.get() as { seq: number }).seq;
  return {
    follow(heard) {
      let seen: number;
      try {
        seen = latest();
      } catch {
        seen = 0;
      }
      const timer = setInterval(() => {
        try {
          const last = latest();
          if (last === seen) return;
          const ids = (h.own.tokenChangesAfter.all(seen) as { token: string }[]).map((r) => r.token);
          seen = last;
          heard(ids);
        } catch {
          // busy, or the handle closed: the next tick tries again (the stop ends it with the watchers)
        }
      }, pollMs);
      timer.unref?.();
      return () => clearInterval(timer);
    },
  };
}
