// SQL (PostgreSQL): the stored directory (orgs, agents, numbers, phone_number_ids); tokens: tokenSql.ts.
import { statement } from './statement';

type AgentRow = { org: string; id: string; name: string; access: string };

export const directorySql = {
  orgById: statement<[id: string], { id: string; plan: string; services: string }>(
    `SELECT id, plan, services FROM orgs WHERE id = $1`,
  ),
  upsertOrg: statement<[id: string, plan: string, services: string]>(
    `INSERT INTO orgs (id, plan, services) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET plan = EXCLUDED.plan, services = EXCLUDED.services`,
  ),
  agentById: statement<[org: string, id: string], AgentRow>(
    `SELECT org, id, name, access FROM agents WHERE org = $1 AND id = $2`,
  ),
  agentsOf: statement<[org: string], AgentRow>(`SELECT org, id, name, access FROM agents WHERE org = $1 ORDER BY id`),
  upsertAgent: statement<[org: string, id: string, name: string, access: string]>(
    `INSERT INTO agents (org, id, name, access) VALUES ($1, $2, $3, $4) ON CONFLICT (org, id) DO UPDATE SET name = EXCLUDED.name, access = EXCLUDED.access`,
  ),
  deleteAgent: statement<[org: string, id: string]>(`DELETE FROM agents WHERE org = $1 AND id = $2`),
  numberByE164: statement<[number: string], { number: string; verified: boolean }>(
    `SELECT number, verified FROM numbers WHERE number = $1`,
  ),
  upsertNumber: statement<[number: string, verified: boolean]>(
    `INSERT INTO numbers (number, verified) VALUES ($1, $2) ON CONFLICT (number) DO UPDATE SET verified = EXCLUDED.verified`,
  ),
  /** A phone_number_id names one number: moving it releases the old one. */
  releasePhoneNumberId: statement<[phoneNumberId: string, number: string]>(
    `DELETE FROM phone_number_ids WHERE phone_number_id = $1 AND number <> $2`,
  ),
  upsertPhoneNumberId: statement<[number: string, phoneNumberId: string]>(
    `INSERT INTO phone_number_ids (number, phone_number_id) VALUES ($1, $2) ON CONFLICT (number) DO UPDATE SET phone_number_id = EXCLUDED.phone_number_id`,
  ),
  numberByPhoneNumberId: statement<[phoneNumberId: string], { number: string }>(
    `SELECT number FROM phone_number_ids WHERE phone_number_id = $1`,
  ),
  phoneNumberIdOf: statement<[number: string], { phone_number_id: string }>(
    `SELECT phone_number_id FROM phone_number_ids WHERE number = $1`,
  ),
};
