// A statement of the catalogue: its parameters and the row it answers. The stores name
// statements; each dialect gives every name its SQL text (sqlite/sql, postgres/sql), so the
// store logic is written once and the SQL twice.

/** A named statement's parameter tuple and row shape (`never`: it answers no rows). */
export interface Statement<Params extends readonly unknown[], Row = never> {
  params: Params;
  row: Row;
}
