// SQL (SQLite) of the directory catalogue: orgs, agents, numbers, phone_number_ids. A boolean is
// stored as 0 or 1.
import type { DirectoryCatalogue } from '../../port/directoryCatalogue';
import type { SqliteSql } from './dialect';

export const directoryStatements: { [N in keyof DirectoryCatalogue]: SqliteSql } = {
  orgById: `SELECT id, plan, services FROM orgs WHERE id = ?`,
  upsertOrg: `INSERT INTO orgs (id, plan, services) VALUES (?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, services = excluded.services`,
  agentById: `SELECT org, id, name, access FROM agents WHERE org = ? AND id = ?`,
  agentsOf: `SELECT org, id, name, access FROM agents WHERE org = ? ORDER BY id`,
  upsertAgent: `INSERT INTO agents (org, id, name, access) VALUES (?, ?, ?, ?)
    ON CONFLICT (org, id) DO UPDATE SET name = excluded.name, access = excluded.access`,
  deleteAgent: `DELETE FROM agents WHERE org = ? AND id = ?`,
  numberByE164: {
    sql: `SELECT number, verified FROM numbers WHERE number = ?`,
    decode: (row: { number: string; verified: number }) => ({ number: row.number, verified: row.verified === 1 }),
  },
  upsertNumber: `INSERT INTO numbers (number, verified) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET verified = excluded.verified`,
  releasePhoneNumberId: `DELETE FROM phone_number_ids WHERE phone_number_id = ? AND number <> ?`,
  upsertPhoneNumberId: `INSERT INTO phone_number_ids (number, phone_number_id) VALUES (?, ?)
    ON CONFLICT (number) DO UPDATE SET phone_number_id = excluded.phone_number_id`,
  numberByPhoneNumberId: `SELECT number FROM phone_number_ids WHERE phone_number_id = ?`,
  phoneNumberIdOf: `SELECT phone_number_id FROM phone_number_ids WHERE number = ?`,
  policyOverride: `SELECT policy FROM policies WHERE org = ? AND service = ?`,
  upsertPolicy: `INSERT INTO policies (org, service, policy) VALUES (?, ?, ?)
    ON CONFLICT (org, service) DO UPDATE SET policy = excluded.policy`,
  deletePolicy: `DELETE FROM policies WHERE org = ? AND service = ?`,
};
