// SQL (SQLite): the stored directory (orgs, agents, numbers, phone_number_ids); tokens: tokenSql.ts.
import type { Database } from 'better-sqlite3';
import { prepare } from './prepare';

export function directorySql(db: Database) {
  return {
    orgById: prepare<[id: string], { id: string; plan: string; services: string }>(
      db,
      `SELECT id, plan, services FROM orgs WHERE id = ?`,
    ),
    upsertOrg: prepare<[id: string, plan: string, services: string]>(
      db,
      `INSERT INTO orgs (id, plan, services) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, services = excluded.services`,
    ),
    agentById: prepare<[org: string, id: string], { org: string; id: string; name: string; access: string }>(
      db,
      `SELECT org, id, name, access FROM agents WHERE org = ? AND id = ?`,
    ),
    agentsOf: prepare<[org: string], { org: string; id: string; name: string; access: string }>(
      db,
      `SELECT org, id, name, access FROM agents WHERE org = ? ORDER BY id`,
    ),
    upsertAgent: prepare<[org: string, id: string, name: string, access: string]>(
      db,
      `INSERT INTO agents (org, id, name, access) VALUES (?, ?, ?, ?)
       ON CONFLICT (org, id) DO UPDATE SET name = excluded.name, access = excluded.access`,
    ),
    deleteAgent: prepare<[org: string, id: string]>(db, `DELETE FROM agents WHERE org = ? AND id = ?`),
    numberByE164: prepare<[number: string], { number: string; verified: number }>(
      db,
      `SELECT number, verified FROM numbers WHERE number = ?`,
    ),
    upsertNumber: prepare<[number: string, verified: number]>(
      db,
      `INSERT INTO numbers (number, verified) VALUES (?, ?) ON CONFLICT (number) DO UPDATE SET verified = excluded.verified`,
    ),
    /** A phone_number_id names one number: moving it releases the old one. */
    releasePhoneNumberId: prepare<[phoneNumberId: string, number: string]>(
      db,
      `DELETE FROM phone_number_ids WHERE phone_number_id = ? AND number <> ?`,
    ),
    upsertPhoneNumberId: prepare<[number: string, phoneNumberId: string]>(
      db,
      `INSERT INTO phone_number_ids (number, phone_number_id) VALUES (?, ?)
       ON CONFLICT (number) DO UPDATE SET phone_number_id = excluded.phone_number_id`,
    ),
    numberByPhoneNumberId: prepare<[phoneNumberId: string], { number: string }>(
      db,
      `SELECT number FROM phone_number_ids WHERE phone_number_id = ?`,
    ),
    phoneNumberIdOf: prepare<[number: string], { phone_number_id: string }>(
      db,
      `SELECT phone_number_id FROM phone_number_ids WHERE number = ?`,
    ),
  };
}
