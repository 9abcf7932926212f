// SQL (PostgreSQL) of pacing per customer shared by every replica (issue 19): one upsert, so one
// row lock: replicas asking for the same pair at once take turns, each deciding on the row the
// other left. Every SET expression reads the row as it was.
import type { PairPacingCatalogue } from '../../port/pairPacingCatalogue';
import type { PostgresSql } from './dialect';

const conforms = `p.tat_ms - $3::bigint <= ($5::bigint - 1) * $4::bigint`;

export const pacingStatements: { [N in keyof PairPacingCatalogue]: PostgresSql } = {
  reservePairSend: {
    sql: `INSERT INTO pair_pacing AS p (number, customer, tat_ms, granted) VALUES ($1, $2, $3::bigint + $4::bigint, true)
      ON CONFLICT (number, customer) DO UPDATE SET
        granted = (${conforms}),
        tat_ms = CASE WHEN ${conforms} THEN GREATEST(p.tat_ms, $3::bigint) + $4::bigint ELSE p.tat_ms END
      RETURNING granted, tat_ms AS "tatMs"`,
    decode: (row: { granted: boolean; tatMs: string | number }) => ({ granted: row.granted, tatMs: Number(row.tatMs) }),
  },
};
