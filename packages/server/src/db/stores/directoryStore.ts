// The stored directory, written once for every dialect: orgs (plan, subscriptions), agents (name,
// access), business numbers (verified, WhatsApp phone_number_id) and the admin's masking policy
// overrides (R33). Validated with core's schemas; numbers kept in E.164 (core's normaliseNumber).
// The rules read it; only admin routes write it.
import {
  cataloguePolicy,
  defaultMaskingPolicy,
  normaliseNumber,
  OneNumberError,
  type AgentEntry,
  type MaskingPolicy,
  type NumberEntry,
  type OrgEntry,
} from '@onenumber/core';
import {
  agentEntrySchema,
  maskingPolicySchema,
  numberEntrySchema,
  orgEntrySchema,
  parseInput,
  serviceSchema,
} from '@onenumber/core/schemas';
import { z } from 'zod';
import type { PolicyInForce, StoredDirectory } from '../ServerDatabase';
import { directoryKeySchema as keySchema, phoneNumberIdInputSchema, toAgent, toOrg } from '../common/directoryRows';
import { guarded } from '../common/errors';
import { fromJson, toJson } from '../common/rows';
import { phoneNumberIdSchema } from '../common/schemas';
import type { Runner } from '../port/runner';
import { all, one, run } from '../port/steps';

/** R33: an override names an org and a service; the policy is strict (R18), null for the catalogue's. */
const policyKeySchema = z.object({ org: keySchema, service: serviceSchema });
const overrideSchema = maskingPolicySchema.nullable();

/** R33: the policy in force, and whether it is the admin's or the catalogue's (R36: unreadable reads as the default). */
const inForce = (service: string, stored: string | undefined): PolicyInForce =>
  stored === undefined
    ? { service, policy: cataloguePolicy(service), source: 'catalogue' }
    : { service, policy: fromJson<MaskingPolicy>(stored, defaultMaskingPolicy, 'policy'), source: 'admin' };

/** A business number in E.164, or null for anything that cannot be one. */
const e164Of = (value: unknown): string | null => (typeof value === 'string' ? normaliseNumber(value) : null);

export function directoryStore(db: Runner): StoredDirectory {
  return {
    org: (id: string): Promise<OrgEntry | null> =>
      guarded(() => {
        const key = parseInput(keySchema, id, 'org');
        return db.run(function* () {
          const row = yield* one('orgById', key);
          return row ? toOrg(row) : null;
        });
      }),

    setOrg: (entry: OrgEntry): Promise<OrgEntry> =>
      guarded(() => {
        const org = parseInput(orgEntrySchema, entry, 'org');
        return db.run(function* () {
          yield* run('upsertOrg', org.id, org.plan, toJson(org.services));
          return org;
        });
      }),

    agent: (org: string, id: string): Promise<AgentEntry | null> =>
      guarded(() => {
        const keys = [parseInput(keySchema, org, 'org'), parseInput(keySchema, id, 'agent')] as const;
        return db.run(function* () {
          const row = yield* one('agentById', ...keys);
          return row ? toAgent(row) : null;
        });
      }),

    setAgent: (entry: AgentEntry): Promise<AgentEntry> =>
      guarded(() => {
        const agent = parseInput(agentEntrySchema, entry, 'agent');
        return db.run(function* () {
          yield* run('upsertAgent', agent.org, agent.id, agent.name, toJson(agent.access));
          return agent;
        });
      }),

    removeAgent: (org: string, id: string): Promise<boolean> =>
      guarded(() => {
        const keys = [parseInput(keySchema, org, 'org'), parseInput(keySchema, id, 'agent')] as const;
        return db.run(function* () {
          return (yield* run('deleteAgent', ...keys)) > 0;
        });
      }),

    listAgents: (org: string): Promise<AgentEntry[]> =>
      guarded(() => {
        const key = parseInput(keySchema, org, 'org');
        return db.run(function* () {
          return (yield* all('agentsOf', key)).map(toAgent);
        });
      }),

    number: (e164: string): Promise<NumberEntry | null> =>
      guarded(() => {
        const number = e164Of(e164);
        return db.run(function* () {
          const row = number ? yield* one('numberByE164', number) : undefined;
          return row ? { number: row.number, verified: row.verified } : null;
        });
      }),

    setNumber: (entry: NumberEntry): Promise<NumberEntry> =>
      guarded(() => {
        const parsed = parseInput(numberEntrySchema, entry, 'number');
        const number = normaliseNumber(parsed.number);
        if (!number) throw new OneNumberError('INVALID_NUMBER', undefined, { field: 'number' });
        return db.run(function* () {
          yield* run('upsertNumber', number, parsed.verified ? 1 : 0);
          return { number, verified: parsed.verified };
        });
      }),

    setPhoneNumberId: (input: { number: string; phoneNumberId: string }): Promise<void> =>
      guarded(() => {
        const { number, phoneNumberId } = parseInput(phoneNumberIdInputSchema, input);
        return db.write(function* () {
          yield* run('releasePhoneNumberId', phoneNumberId, number);
          yield* run('upsertPhoneNumberId', number, phoneNumberId);
        });
      }),

    /** An id of another form cannot be one we stored: null, like any unknown id. */
    numberByPhoneNumberId: (phoneNumberId: string): Promise<string | null> =>
      guarded(() => {
        if (!phoneNumberIdSchema.safeParse(phoneNumberId).success) return null;
        return db.run(function* () {
          return (yield* one('numberByPhoneNumberId', phoneNumberId))?.number ?? null;
        });
      }),

    /** A number that is not a valid business number cannot have one: null. */
    phoneNumberIdOf: (e164: string): Promise<string | null> =>
      guarded(() => {
        const number = e164Of(e164);
        if (!number) return null;
        return db.run(function* () {
          return (yield* one('phoneNumberIdOf', number))?.phone_number_id ?? null;
        });
      }),

    policy: (org: string, service: string): Promise<PolicyInForce> =>
      guarded(() => {
        const key = parseInput(policyKeySchema, { org, service });
        return db.run(function* () {
          return inForce(key.service, (yield* one('policyOverride', key.org, key.service))?.policy);
        });
      }),

    /** R33: the admin's override (tighter or looser), or null to go back to the catalogue's; applies from then on. */
    setPolicy: (org: string, service: string, policy: MaskingPolicy | null): Promise<PolicyInForce> =>
      guarded(() => {
        const key = parseInput(policyKeySchema, { org, service });
        const override = parseInput(overrideSchema, policy, 'policy');
        return db.write(function* () {
          if (override) yield* run('upsertPolicy', key.org, key.service, toJson(override));
          else yield* run('deletePolicy', key.org, key.service);
          return inForce(key.service, override ? toJson(override) : undefined);
        });
      }),
  };
}
