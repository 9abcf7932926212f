// The stored directory on PostgreSQL: orgs (plan, subscriptions), agents (name, access), business
// numbers (verified, WhatsApp phone_number_id), shared by every replica. Validated with core's
// schemas; numbers kept in E.164. The rules read it; only admin routes write it.
import {
  OneNumberError,
  agentEntrySchema,
  normaliseNumber,
  numberEntrySchema,
  orgEntrySchema,
  parseInput,
  type AgentEntry,
  type NumberEntry,
  type OrgEntry,
} from '@onenumber/core';
import type { StoredDirectory } from '../ServerDatabase';
import { directoryKeySchema as keySchema, phoneNumberIdInputSchema, toAgent, toOrg } from '../common/directoryRows';
import { toJson } from '../common/rows';
import { phoneNumberIdSchema } from '../common/schemas';
import type { PgHandle } from './connection';
import { pgGuarded as guarded } from './pgErrors';
import { sql } from './sql';

export function directoryStore(h: PgHandle): StoredDirectory {
  const { db } = h;
  return {
    org: (id: string): Promise<OrgEntry | null> =>
      guarded(async () => {
        const row = await sql.orgById.get(db, parseInput(keySchema, id, 'org'));
        return row ? toOrg(row) : null;
      }),

    setOrg: (entry: OrgEntry): Promise<OrgEntry> =>
      guarded(async () => {
        const org = parseInput(orgEntrySchema, entry, 'org');
        await sql.upsertOrg.run(db, org.id, org.plan, toJson(org.services));
        return org;
      }),

    agent: (org: string, id: string): Promise<AgentEntry | null> =>
      guarded(async () => {
        const row = await sql.agentById.get(db, parseInput(keySchema, org, 'org'), parseInput(keySchema, id, 'agent'));
        return row ? toAgent(row) : null;
      }),

    setAgent: (entry: AgentEntry): Promise<AgentEntry> =>
      guarded(async () => {
        const agent = parseInput(agentEntrySchema, entry, 'agent');
        await sql.upsertAgent.run(db, agent.org, agent.id, agent.name, toJson(agent.access));
        return agent;
      }),

    removeAgent: (org: string, id: string): Promise<boolean> =>
      guarded(
        async () =>
          (await sql.deleteAgent.run(db, parseInput(keySchema, org, 'org'), parseInput(keySchema, id, 'agent'))) > 0,
      ),

    listAgents: async (org: string): Promise<AgentEntry[]> =>
      guarded(async () => (await sql.agentsOf.all(db, parseInput(keySchema, org, 'org'))).map(toAgent)),

    number: (e164: string): Promise<NumberEntry | null> =>
      guarded(async () => {
        const number = typeof e164 === 'string' ? normaliseNumber(e164) : null;
        const row = number ? await sql.numberByE164.get(db, number) : undefined;
        return row ? { number: row.number, verified: row.verified } : null;
      }),

    setNumber: (entry: NumberEntry): Promise<NumberEntry> =>
      guarded(async () => {
        const parsed = parseInput(numberEntrySchema, entry, 'number');
        const number = normaliseNumber(parsed.number);
        if (!number) throw new OneNumberError('INVALID_NUMBER', undefined, { field: 'number' });
        await sql.upsertNumber.run(db, number, parsed.verified);
        return { number, verified: parsed.verified };
      }),

    setPhoneNumberId: (input: { number: string; phoneNumberId: string }): Promise<void> =>
      guarded(async () => {
        const { number, phoneNumberId } = parseInput(phoneNumberIdInputSchema, input);
        await h.write(async (tx) => {
          await sql.releasePhoneNumberId.run(tx.client, phoneNumberId, number);
          await sql.upsertPhoneNumberId.run(tx.client, number, phoneNumberId);
        });
      }),

    /** An id of another form cannot be one we stored: null, like any unknown id. */
    numberByPhoneNumberId: (phoneNumberId: string): Promise<string | null> =>
      guarded(async () => {
        if (!phoneNumberIdSchema.safeParse(phoneNumberId).success) return null;
        return (await sql.numberByPhoneNumberId.get(db, phoneNumberId))?.number ?? null;
      }),

    /** A number that is not a valid business number cannot have one: null. */
    phoneNumberIdOf: (e164: string): Promise<string | null> =>
      guarded(async () => {
        const number = typeof e164 === 'string' ? normaliseNumber(e164) : null;
        return number ? ((await sql.phoneNumberIdOf.get(db, number))?.phone_number_id ?? null) : null;
      }),
  };
}
