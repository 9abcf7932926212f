// SQL (PostgreSQL) of the directory catalogue (orgs, agents, numbers, phone_number_ids).
import type { DirectoryCatalogue } from '../../port/directoryCatalogue';
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
  policyOverride: `SELECT policy FROM policies WHERE org = $1 AND service = $2`,
  upsertPolicy: `INSERT INTO policies (org, service, policy) VALUES ($1, $2, $3)
    ON CONFLICT (org, service) DO UPDATE SET policy = EXCLUDED.policy`,
  deletePolicy: `DELETE FROM policies WHERE org = $1 AND service = $2`,
};
