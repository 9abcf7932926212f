// The PostgreSQL runner: the stores' steps driven with `await` on one transaction's client (a
// write: READ COMMITTED with the row locks the statements take, events and timeline entries
// numbered and inserted just before COMMIT, retried on a serialization failure or deadlock; see
// connection.ts), on a read-only snapshot, or statement by statement on the pool. Each statement
// is prepared once per pooled connection under its catalogue name. Failures become
// OneNumberErrors (R27).
import type { StatementName } from '../port/catalogue';
import { driveAsync } from '../port/drive';
import type { Runner } from '../port/runner';
import type { Request } from '../port/steps';
import type { PgHandle, PgTx } from './connection';
import { pgInboundWriter } from './inboundWriter';
import { pgGuarded } from './pgErrors';
import type { PostgresSql } from './sql/dialect';
import { runnerSql } from './sql/runnerSql';
import { postgresStatements } from './sql/statements';
import type { Queryable } from './sql/statement';

interface Query {
  name: string;
  text: string;
  decode: ((row: never) => unknown) | undefined;
}

const queries = new Map<string, Query>(
  Object.entries(postgresStatements as Record<string, PostgresSql>).map(([name, entry]) => [
    name,
    typeof entry === 'string'
      ? { name: `onenumber_${name}`, text: entry, decode: undefined }
      : { name: `onenumber_${name}`, text: entry.sql, decode: entry.decode },
  ]),
);

async function query(db: Queryable, name: StatementName, params: readonly unknown[]) {
  const q = queries.get(name);
  if (!q) throw new Error(`PostgreSQL has no statement ${name}`);
  const { rows, rowCount } = await db.query({ name: q.name, text: q.text, values: params as unknown[] });
  return { rows, rowCount, decode: q.decode as ((row: unknown) => unknown) | undefined };
}

/** Answers a step's requests on `db`; events and timeline entries only inside a write (`tx`). */
export function answerer(db: Queryable, tx?: PgTx) {
  return async (request: Request): Promise<unknown> => {
    switch (request.op) {
      case 'one': {
        const { rows, decode } = await query(db, request.name, request.params);
        return rows[0] === undefined || !decode ? rows[0] : decode(rows[0]);
      }
      case 'all': {
        const { rows, decode } = await query(db, request.name, request.params);
        return decode ? rows.map(decode) : rows;
      }
      case 'run':
        return (await query(db, request.name, request.params)).rowCount ?? 0;
      case 'emit':
        if (!tx) throw new Error('events are written only inside a write');
        return tx.emit(request.drafts);
      case 'record':
        if (!tx) throw new Error('timeline entries are written only inside a write');
        return tx.record(request.org, request.entries);
      case 'tokensChanged':
        if (!tx) throw new Error('token changes are written only inside a write');
        return tx.tokensChanged(request.ids);
      case 'order':
        if (!tx) throw new Error('lanes are ordered only inside a write');
        return void (await runnerSql.orderLanes.run(db, [...request.lanes]));
    }
  };
}

export function postgresRunner(h: Pick<PgHandle, 'write' | 'read' | 'db' | 'pool' | 'hub' | 'notifier'>): Runner {
  const inbound = pgInboundWriter(h);
  return {
    inbound: { inboundWrite: (write) => pgGuarded(() => inbound.inboundWrite(write)) },
    dialect: 'postgres',
    write: (steps) => pgGuarded(() => h.write((tx) => driveAsync(steps(), answerer(tx.client, tx)))),
    read: (steps) => pgGuarded(() => h.read((db) => driveAsync(steps(), answerer(db)))),
    run: (steps) => pgGuarded(() => driveAsync(steps(), answerer(h.db))),
    offers: (name) => queries.has(name),
  };
}
