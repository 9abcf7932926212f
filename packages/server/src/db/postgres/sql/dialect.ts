// How a PostgreSQL statement of the catalogue is written: its SQL text ($1.. parameters), and how
// its rows are decoded when PostgreSQL's differ from the catalogue's. Each pooled connection
// prepares a statement once, by its catalogue name, and reuses the plan.
export type PostgresSql =
  | string
  | {
      sql: string;
      // biome-ignore lint/suspicious/noExplicitAny: a decoder takes the row the SQL returns
      decode: (row: any) => unknown;
    };
