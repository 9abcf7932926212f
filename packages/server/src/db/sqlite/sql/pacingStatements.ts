// SQL (SQLite) of pacing per customer shared by the processes on one file (issue 19): one upsert
// decides and records a send of the pair; every SET expression reads the row as it was.
import type { PairPacingCatalogue } from '../../port/pairPacingCatalogue';
import type { SqliteSql } from './dialect';

const conforms = `pair_pacing.tat_ms - $3 <= ($5 - 1) * $4`;

export const pacingStatements: { [N in keyof PairPacingCatalogue]: SqliteSql } = {
  reservePairSend: {
    sql: `INSERT INTO pair_pacing (number, customer, tat_ms, granted) VALUES ($1, $2, $3 + $4, 1)
      ON CONFLICT (number, customer) DO UPDATE SET
        granted = (${conforms}),
        tat_ms = CASE WHEN ${conforms} THEN max(pair_pacing.tat_ms, $3) + $4 ELSE pair_pacing.tat_ms END
      RETURNING granted, tat_ms AS tatMs`,
    decode: (row: { granted: number; tatMs: number }) => ({ granted: row.granted === 1, tatMs: row.tatMs }),
  },
};
