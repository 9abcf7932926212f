// Group commit: the writes that arrive while one is being prepared share one BEGIN IMMEDIATE ..
// COMMIT. Each write runs in its own savepoint, in arrival order, so a refused write (a rule's
// OneNumberError, a constraint) rolls back alone and the others still commit; every caller is
// answered only after the commit that made its write durable. Under concurrent load (many webhook
// deliveries or service requests at once) the commit, which dominates a small write's cost, is
// paid once per group instead of once per write.
import type Database from 'better-sqlite3';
import type { Emit } from './connection';

interface Pending {
  fn: (emit: Emit) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many writes share a commit, so one group never holds the write lock for long. */
const maxGroup = 256;

export function groupCommit(
  db: Database.Database,
  emit: Emit,
  written: Set<string>,
  notify: (keys: Set<string>) => void,
) {
  const queue: Pending[] = [];
  let scheduled = false;
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const savepoint = db.prepare('SAVEPOINT one_write');
  const release = db.prepare('RELEASE one_write');
  const undo = db.prepare('ROLLBACK TO one_write');

  function flush(): void {
    scheduled = false;
    const group = queue.splice(0, maxGroup);
    if (queue.length) schedule();
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    const keys = new Set<string>();
    try {
      begin.run();
    } catch (error) {
      for (const item of group) item.reject(error); // e.g. SQLITE_BUSY past the busy timeout
      return;
    }
    try {
      for (const item of group) {
        written.clear();
        savepoint.run();
        try {
          const value = item.fn(emit);
          release.run();
          for (const key of written) keys.add(key);
          outcomes.push({ ok: true, value });
        } catch (error) {
          undo.run();
          release.run();
          outcomes.push({ ok: false, error });
        }
      }
      commit.run();
    } catch (error) {
      if (db.inTransaction) rollback.run();
      for (const item of group) item.reject(error);
      return;
    } finally {
      written.clear();
    }
    notify(keys);
    group.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  function schedule(): void {
    scheduled = true;
    setImmediate(flush); // after this poll phase: every request read in it joins the group
  }

  return function write<T>(fn: (emit: Emit) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!scheduled) schedule();
    });
  };
}
