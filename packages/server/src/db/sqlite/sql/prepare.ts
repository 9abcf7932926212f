// A prepared statement as the stores use it (a named type, so declarations can refer to it).
import type { Database } from 'better-sqlite3';

export interface Statement<Params extends unknown[], Row = unknown> {
  run(...params: Params): { changes: number };
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
}

export const prepare = <Params extends unknown[], Row = unknown>(
  db: Database,
  source: string,
): Statement<Params, Row> => db.prepare<Params, Row>(source);
