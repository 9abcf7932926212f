// The SQLite runner: the catalogue's statements prepared once per connection (sql/statements.ts)
// and the stores' steps driven synchronously: a write runs whole inside its savepoint of the group
// commit (groupCommit.ts), with nothing awaited and nothing interleaved; its events and timeline
// entries are inserted as it goes. Failures become OneNumberErrors (R27).
import type Database from 'better-sqlite3';
import { toOneNumberError } from '../common/errors';
import type { StatementName } from '../port/catalogue';
import { drive } from '../port/drive';
import type { Runner } from '../port/runner';
import type { Request } from '../port/steps';
import type { SqliteSql } from './sql/dialect';
import { sqliteStatements } from './sql/statements';
import type { Emit, SqliteHandle } from './connection';

export interface Prepared {
  one(params: readonly unknown[]): unknown;
  all(params: readonly unknown[]): unknown[];
  run(params: readonly unknown[]): number;
}

type Bind = (params: readonly unknown[]) => unknown[];

/** `$1`.. parameters bind by name (one may be used twice), `?` in order; a text without any binds none. */
function binderOf(text: string): Bind {
  if (/\$\d/.test(text)) return (params) => [Object.fromEntries(params.map((value, i) => [i + 1, value]))];
  if (text.includes('?')) return (params) => params as unknown[];
  return () => [];
}

function prepareOne(db: Database.Database, entry: SqliteSql): Prepared {
  const spec = typeof entry === 'string' ? { sql: entry } : entry;
  const steps = (typeof spec.sql === 'string' ? [spec.sql] : spec.sql).map((text) => ({
    statement: db.prepare(text),
    bind: binderOf(text),
  }));
  const { statement: last, bind } = steps[steps.length - 1]!;
  if (spec.arrays) last.raw(true);
  const decode = spec.decode;
  const before = (params: readonly unknown[]) => {
    for (let i = 0; i < steps.length - 1; i++) steps[i]!.statement.run(...steps[i]!.bind(params));
  };
  return {
    one(params) {
      before(params);
      const row = last.get(...bind(params));
      return row === undefined || !decode ? row : decode(row);
    },
    all(params) {
      before(params);
      const rows = last.all(...bind(params));
      return decode ? rows.map(decode) : rows;
    },
    run(params) {
      before(params);
      return last.run(...bind(params)).changes;
    },
  };
}

/** Prepares every statement of the dialect once per connection. */
export function prepareCatalogue(db: Database.Database): Map<StatementName, Prepared> {
  return new Map(
    Object.entries(sqliteStatements).map(([name, entry]) => [name as StatementName, prepareOne(db, entry)]),
  );
}

/** Answers a step's requests; events and timeline entries only inside a write. */
export function answerer(
  prepared: ReadonlyMap<StatementName, Prepared>,
  write?: { emit: Emit; record: SqliteHandle['record']; tokensChanged: SqliteHandle['tokensChanged'] },
) {
  return (request: Request): unknown => {
    switch (request.op) {
      case 'one':
        return prepared.get(request.name)!.one(request.params);
      case 'all':
        return prepared.get(request.name)!.all(request.params);
      case 'run':
        return prepared.get(request.name)!.run(request.params);
      case 'emit':
        if (!write) throw new Error('events are written only inside a write');
        return write.emit(request.drafts);
      case 'record':
        if (!write) throw new Error('timeline entries are written only inside a write');
        return write.record(request.org, request.entries);
      case 'tokensChanged':
        if (!write) throw new Error('token changes are written only inside a write');
        return write.tokensChanged(request.ids, request.what, request.at);
      case 'order':
        return undefined; // one writer at a time: commit order is the only order
    }
  };
}

const settled = <T>(fn: () => T): Promise<T> => {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(toOneNumberError(error));
  }
};

export function sqliteRunner(h: SqliteHandle): Runner {
  const read = answerer(h.prepared);
  return {
    dialect: 'sqlite',
    write: (steps) =>
      h
        .write((emit) =>
          drive(steps(), answerer(h.prepared, { emit, record: h.record, tokensChanged: h.tokensChanged })),
        )
        .catch((error) => {
          throw toOneNumberError(error);
        }),
    read: (steps) => settled(() => h.read(() => drive(steps(), read))),
    run: (steps) => settled(() => drive(steps(), read)),
    offers: (name) => h.prepared.has(name),
  };
}
