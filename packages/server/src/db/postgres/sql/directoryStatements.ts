// SQL (PostgreSQL) of the directory catalogue (orgs, agents, numbers, phone_number_ids), and the
// send budget of a number shared by every replica (issue 10).
import type { DirectoryCatalogue, SendBudgetCatalogue } from '../../port/directoryCatalogue';
import type { PostgresSql } from './dialect';

export const directoryStatements: { [N in keyof DirectoryCatalogue]: PostgresSql } = {
  orgById: `SELECT id, plan, services FROM orgs WHERE id = $1`,
  upsertOrg: `INSERT INTO orgs (id, plan, services) VALUES ($1, $2, $3)
    ON CONFLICT (id) DO UPDATE SET plan = EXCLUDED.plan, services = EXCLUDED.services`,
  agentById: `SELECT org, id, name, access FROM agents WHERE org = $1 AND id = $2`,
  agentsOf: `SELECT org, id, name, access FROM agents WHERE org = $1 ORDER BY id`,
  upsertAgent: `INSERT INTO agents (org, id, name, access) VALUES ($1, $2, $3, $4)
    ON CONFLICT (org, id) DO UPDATE SET name = EXCLUDED.name, access = EXCLUDED.access`,
  deleteAgent: `DELETE FROM agents WHERE org = $1 AND id = $2`,
  numberByE164: `SELECT number, verified FROM numbers WHERE number = $1`,
  upsertNumber: `INSERT INTO numbers (number, verified) VALUES ($1, $2::integer = 1)
    ON CONFLICT (number) DO UPDATE SET verified = EXCLUDED.verified`,
  releasePhoneNumberId: `DELETE FROM phone_number_ids WHERE phone_number_id = $1 AND number <> $2`,
  upsertPhoneNumberId: `INSERT INTO phone_number_ids (number, phone_number_id) VALUES ($1, $2)
    ON CONFLICT (number) DO UPDATE SET phone_number_id = EXCLUDED.phone_number_id`,
  numberByPhoneNumberId: `SELECT number FROM phone_number_ids WHERE phone_number_id = $1`,
  phoneNumberIdOf: `SELECT phone_number_id FROM phone_number_ids WHERE number = $1`,
};

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
