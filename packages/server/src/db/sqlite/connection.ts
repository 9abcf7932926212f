// One SQLite connection with everything the runner shares: WAL, synchronous level, busy timeout,
// migrations, prepared statements, the write helper (one BEGIN IMMEDIATE transaction per write,
// its events announced after commit) and the event hub.
import { OneNumberError } from '@onenumber/core';
import type { EventDraft, TimelineDraft } from '@onenumber/core/storage-kit';
import Database from 'better-sqlite3';
import { EventHub, streamKey } from '../common/eventHub';
import { toOneNumberError } from '../common/errors';
import { formatId } from '../common/rows';
import type { StatementName } from '../port/catalogue';
import { drive } from '../port/drive';
import { readEvents } from '../stores/eventReader';
import { migrate, type MigrationReport } from './migrate';
import { answerer, prepareCatalogue, type Prepared } from './runner';
import { pragmas, runnerSql, type RunnerSql } from './sql';
import { groupCommit } from './groupCommit';

export interface ConnectionOptions {
  file: string;
  synchronous: 'NORMAL' | 'FULL';
  busyTimeoutMs: number;
  pollMs: number;
}

export type Emit = (drafts: readonly EventDraft[]) => void;

export interface SqliteHandle {
  readonly db: Database.Database;
  /** The runner's own statements (sql/runnerSql.ts), prepared once. */
  readonly own: Readonly<Record<RunnerSql, Database.Statement>>;
  /** The catalogue's statements (sql/statements.ts), prepared once. */
  readonly prepared: ReadonlyMap<StatementName, Prepared>;
  readonly hub: EventHub;
  readonly migrations: MigrationReport;
  /** Runs `fn` atomically (its own savepoint in a group-committed BEGIN IMMEDIATE transaction, see groupCommit); the events it emits are written in it; resolves once committed. */
  write<T>(fn: (emit: Emit) => T): Promise<T>;
  /** Runs `fn` in one read transaction, so several statements see one snapshot. */
  read<T>(fn: () => T): T;
  /** Records audit timeline entries (issue 9); inside `write`, so with the change they describe. */
  record(org: string, entries: readonly TimelineDraft[]): void;
  /** R35: logs revoked or rotated tokens for the other processes' poll (listener.ts); inside `write`. */
  tokensChanged(ids: readonly string[], what: 'revoked' | 'rotated', at: string): void;
  close(): void;
}

/** R35: a day of token changes is kept, far longer than any process polls late. */
const keepTokenChangesMs = 86_400_000;

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Switching a new file to WAL needs a moment alone with it; another process may be doing the same. */
function enableWal(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + Math.max(busyTimeoutMs, 100);
  for (;;) {
    try {
      db.pragma(pragmas.journalMode);
      return;
    } catch (error) {
      if (!String((error as { code?: string }).code).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
      sleep(10);
    }
  }
}

export function openConnection(options: ConnectionOptions): SqliteHandle {
  let db: Database.Database;
  try {
    db = new Database(options.file, { timeout: options.busyTimeoutMs });
  } catch (error) {
    throw new OneNumberError(
      'STORAGE_UNAVAILABLE',
      `The database file could not be opened: ${(error as Error).message}`,
    );
  }
  try {
    db.pragma(pragmas.busyTimeout(options.busyTimeoutMs));
    if (options.file !== ':memory:') enableWal(db, options.busyTimeoutMs);
    db.pragma(pragmas.synchronous(options.synchronous));
    db.pragma(pragmas.foreignKeys);
    const migrations = migrate(db);
    return createHandle(db, migrations, options.pollMs);
  } catch (error) {
    db.close();
    throw toOneNumberError(error);
  }
}

function createHandle(db: Database.Database, migrations: MigrationReport, pollMs: number): SqliteHandle {
  // Ids are a prefix and a stored sequence value in base 36 (`ch_1`, `cv_2`, `msg_a`), as PostgreSQL's onenumber_id.
  db.function('onenumber_id', { deterministic: true }, (prefix, value) => formatId(String(prefix), Number(value)));
  const sql = Object.fromEntries(Object.entries(runnerSql).map(([name, text]) => [name, db.prepare(text)])) as Record<
    RunnerSql,
    Database.Statement
  >;
  const prepared = prepareCatalogue(db);
  const reads = answerer(prepared);
  const hub = new EventHub(
    {
      latestId: () => (sql.latestEventId.get() as { id: number }).id,
      read: (query) => drive(readEvents(query.org, query.service, query.after, query.limit), reads),
    },
    pollMs,
  );
  const written = new Set<string>();
  const emit: Emit = (drafts) => {
    for (const draft of drafts) {
      sql.insertEvent.run(draft.org, draft.service, draft.channel, draft.body.type, JSON.stringify(draft.body));
      written.add(streamKey(draft.org, draft.service));
    }
  };
  const transaction = db.transaction((fn: () => unknown) => fn());
  const commit = groupCommit(db, emit, written, (keys) => hub.notify(keys));
  let open = true;
  return {
    db,
    own: sql,
    prepared,
    hub,
    migrations,
    write: commit,
    read<T>(fn: () => T): T {
      return transaction.deferred(fn) as T;
    },
    record(org, entries) {
      for (const e of entries) {
        sql.insertTimeline.run(
          org,
          e.channel,
          e.at,
          e.what,
          e.service,
          e.agent,
          e.from,
          e.to,
          e.message,
          e.status,
          e.why,
        );
      }
    },
    tokensChanged(ids, what, at) {
      for (const id of ids) sql.insertTokenChange.run(id, what, at);
      sql.pruneTokenChanges.run(new Date(Date.parse(at) - keepTokenChangesMs).toISOString());
    },
    close() {
      if (!open) return;
      open = false;
      hub.close();
      db.close();
    },
  };
}
