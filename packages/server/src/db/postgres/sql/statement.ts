// A SQL statement as the PostgreSQL stores use it: named, so each pooled connection prepares it
// once and reuses the plan; run on a pool or on the client of a transaction.
import type { QueryResultRow } from 'pg';

/** A pg Pool or PoolClient. */
export interface Queryable {
  query<R extends QueryResultRow>(config: {
    name?: string;
    text: string;
    values?: unknown[];
  }): Promise<{ rows: R[]; rowCount: number | null }>;
}

export interface Statement<Params extends unknown[], Row> {
  readonly text: string;
  all(db: Queryable, ...params: Params): Promise<Row[]>;
  get(db: Queryable, ...params: Params): Promise<Row | undefined>;
  /** The number of rows written. */
  run(db: Queryable, ...params: Params): Promise<number>;
}

let named = 0;

export function statement<Params extends unknown[], Row = Record<string, unknown>>(
  text: string,
): Statement<Params, Row> {
  const name = `onenumber_${++named}`;
  const query = (db: Queryable, values: Params) => db.query<Row & QueryResultRow>({ name, text, values });
  return {
    text,
    all: async (db, ...params) => (await query(db, params)).rows,
    get: async (db, ...params) => (await query(db, params)).rows[0],
    run: async (db, ...params) => (await query(db, params)).rowCount ?? 0,
  };
}
