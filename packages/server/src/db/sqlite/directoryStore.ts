// The stored directory on SQLite: orgs (plan, subscriptions), agents (name, access), business
// numbers (verified, WhatsApp phone_number_id). Validated with core's schemas; numbers kept in
// E.164 (core's normaliseNumber). The rules read it; only admin routes write it.
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
import { guarded } from '../common/errors';
import { toJson } from '../common/rows';
import { phoneNumberIdSchema } from '../common/schemas';
import type { SqliteHandle } from './connection';

export function directoryStore(h: SqliteHandle): StoredDirectory {
  const { sql } = h;
  return {
    org: (id: string): Promise<OrgEntry | null> =>
      guarded(() => {
        const row = sql.orgById.get(parseInput(keySchema, id, 'org'));
        return row ? toOrg(row) : null;
      }),

    setOrg: (entry: OrgEntry): Promise<OrgEntry> =>
      guarded(() => {
        const org = parseInput(orgEntrySchema, entry, 'org');
        sql.upsertOrg.run(org.id, org.plan, toJson(org.services));
        return org;
      }),

    agent: (org: string, id: string): Promise<AgentEntry | null> =>
      guarded(() => {
        const row = sql.agentById.get(parseInput(keySchema, org, 'org'), parseInput(keySchema, id, 'agent'));
        return row ? toAgent(row) : null;
      }),

    setAgent: (entry: AgentEntry): Promise<AgentEntry> =>
      guarded(() => {
        const agent = parseInput(agentEntrySchema, entry, 'agent');
        sql.upsertAgent.run(agent.org, agent.id, agent.name, toJson(agent.access));
        return agent;
      }),

    removeAgent: (org: string, id: string): Promise<boolean> =>
      guarded(
        () => sql.deleteAgent.run(parseInput(keySchema, org, 'org'), parseInput(keySchema, id, 'agent')).changes > 0,
      ),

    listAgents: (org: string): Promise<AgentEntry[]> =>
      guarded(() => sql.agentsOf.all(parseInput(keySchema, org, 'org')).map(toAgent)),

    number: (e164: string): Promise<NumberEntry | null> =>
      guarded(() => {
        const number = typeof e164 === 'string' ? normaliseNumber(e164) : null;
        const row = number ? sql.numberByE164.get(number) : undefined;
        return row ? { number: row.number, verified: row.verified === 1 } : null;
      }),

    setNumber: (entry: NumberEntry): Promise<NumberEntry> =>
      guarded(() => {
        const parsed = parseInput(numberEntrySchema, entry, 'number');
        const number = normaliseNumber(parsed.number);
        if (!number) throw new OneNumberError('INVALID_NUMBER', undefined, { field: 'number' });
        sql.upsertNumber.run(number, parsed.verified ? 1 : 0);
        return { number, verified: parsed.verified };
      }),

    setPhoneNumberId: (input: { number: string; phoneNumberId: string }): Promise<void> =>
      guarded(() => {
        const { number, phoneNumberId } = parseInput(phoneNumberIdInputSchema, input);
        return h.write(() => {
          sql.releasePhoneNumberId.run(phoneNumberId, number);
          sql.upsertPhoneNumberId.run(number, phoneNumberId);
        });
      }),

    /** An id of another form cannot be one we stored: null, like any unknown id. */
    numberByPhoneNumberId: (phoneNumberId: string): Promise<string | null> =>
      guarded(() => {
        if (!phoneNumberIdSchema.safeParse(phoneNumberId).success) return null;
        return sql.numberByPhoneNumberId.get(phoneNumberId)?.number ?? null;
      }),

    /** A number that is not a valid business number cannot have one: null. */
    phoneNumberIdOf: (e164: string): Promise<string | null> =>
      guarded(() => {
        const number = typeof e164 === 'string' ? normaliseNumber(e164) : null;
        return number ? (sql.phoneNumberIdOf.get(number)?.phone_number_id ?? null) : null;
      }),
  };
}
