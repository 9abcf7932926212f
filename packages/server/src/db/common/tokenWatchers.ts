// The listeners of one database handle that want to know when a token changed (R35). A change in
// this process is announced at once, after its commit; one in another process when the dialect
// learns it (PostgreSQL: NOTIFY; SQLite: a poll of the token_changes table).
import type { TokenChangeListener } from './tokenTypes';

export interface TokenWatchers {
  add(listener: TokenChangeListener): () => void;
  announce(ids: readonly string[] | null): void;
  readonly size: number;
}

export function tokenWatchers(onFirst?: () => void, onNone?: () => void): TokenWatchers {
  const listeners = new Set<TokenChangeListener>();
  return {
    add(listener) {
      const entry: TokenChangeListener = (ids) => listener(ids); // a distinct entry per call
      listeners.add(entry);
      if (listeners.size === 1) onFirst?.();
      return () => {
        if (listeners.delete(entry) && listeners.size === 0) onNone?.();
      };
    },
    announce(ids) {
      if (ids?.length === 0) return;
      for (const listener of [...listeners]) {
        try {
          listener(ids);
        } catch {
          // a failing listener never stops the others
        }
      }
    },
    get size() {
      return listeners.size;
    },
  };
}
