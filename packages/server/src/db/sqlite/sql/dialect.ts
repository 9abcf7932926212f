// How a SQLite statement of the catalogue is written: its SQL text, or several texts run in one
// go (the last one answers; SQLite's stored sequences are advanced by a statement of their own),
// and how its rows are decoded when SQLite's differ from the catalogue's (0/1 for booleans, row
// arrays for long histories). Parameters are `?` in order, or `$1`.. when one is used twice.
export type SqliteSql =
  | string
  | {
      sql: string | readonly string[];
      /** Read rows as arrays (better-sqlite3 `.raw()`): half the cost of row objects for long reads. */
      arrays?: boolean;
      // biome-ignore lint/suspicious/noExplicitAny: a decoder takes the row the SQL returns
      decode?: (row: any) => unknown;
    };

/** Advances a stored sequence; the statement after it reads the new value from `sequences`. */
export const nextValue = (name: 'seq' | 'channel' | 'conversation' | 'message'): string =>
  `UPDATE sequences SET value = value + 1 WHERE name = '${name}'`;
