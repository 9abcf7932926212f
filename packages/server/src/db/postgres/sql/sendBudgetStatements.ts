// SQL (PostgreSQL) of the send budget of a number, shared by every replica (issue 10).
import type { SendBudgetCatalogue } from '../../port/sendBudgetCatalogue';
import type { PostgresSql } from './dialect';

// One upsert, so one row lock: replicas reserving at once take turns, each refilling the bucket for
// the time since the last reservation on the database's clock (no replica's clock matters) and
// taking at most what it holds. The same arithmetic as @onenumber/whatsapp's TokenBucket: credit in
// thousandths of a send, capped at burst + (rate - 1) / 1000 sends.
const nowMs = `floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint`;
const refilled = `LEAST($4::bigint * 1000 + $3::bigint - 1, b.credit + GREATEST(0, EXCLUDED.at_ms - b.at_ms) * $3::bigint)`;
const grant = `LEAST($2::bigint, (${refilled}) / 1000)`;

export const sendBudgetStatements: { [N in keyof SendBudgetCatalogue]: PostgresSql } = {
  reserveSends: `INSERT INTO send_budgets AS b (number, credit, at_ms, granted)
    VALUES ($1, ($4::bigint - LEAST($2::bigint, $4::bigint)) * 1000, ${nowMs}, LEAST($2::bigint, $4::bigint))
    ON CONFLICT (number) DO UPDATE SET
      granted = ${grant},
      credit = ${refilled} - ${grant} * 1000,
      at_ms = GREATEST(b.at_ms, EXCLUDED.at_ms)
    RETURNING granted`,
};
