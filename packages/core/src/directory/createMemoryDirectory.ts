// The in-memory directory: for tests, scenarios and single-process apps. Every setter validates.
import { z } from 'zod';
import { OneNumberError } from '../errors';
import { normaliseNumber } from '../channel/number';
import { maskingPolicySchema, type MaskingPolicy } from '../masking/policy';
import { effectivePolicy } from '../masking/policyCatalogue';
import { serviceSchema } from '../operations/schemas';
import { parseInput } from '../validate';
import {
  agentEntrySchema,
  numberEntrySchema,
  orgEntrySchema,
  type AgentEntry,
  type Directory,
  type NumberEntry,
  type OrgEntry,
} from './Directory';

export const directoryContentsSchema = z.object({
  orgs: z.array(orgEntrySchema).default([]),
  agents: z.array(agentEntrySchema).default([]),
  numbers: z.array(numberEntrySchema).default([]),
});
export type DirectoryContents = z.input<typeof directoryContentsSchema>;

export interface MemoryDirectory extends Directory {
  setOrg(entry: z.input<typeof orgEntrySchema>): OrgEntry;
  setAgent(entry: z.input<typeof agentEntrySchema>): AgentEntry;
  setNumber(entry: z.input<typeof numberEntrySchema>): NumberEntry;
  load(contents: DirectoryContents): void;
  /**
   * R33: the admin's override of a service's masking policy in an org, tighter or looser; null
   * goes back to the catalogue's. Returns the policy in force. The memory storage given this
   * directory applies it from then on, as the server does after its admin route.
   */
  setPolicy(org: string, service: string, policy: z.input<typeof maskingPolicySchema> | null): MaskingPolicy;
  /** R33: the policy in force for the service in the org: the admin's override, else the catalogue's. */
  policyOf(org: string, service: string): MaskingPolicy;
}

/** R33: an override names the org and the service; the policy is strict (R18), null for the catalogue's. */
const policyInput = z.object({
  org: agentEntrySchema.shape.org,
  service: serviceSchema,
  policy: maskingPolicySchema.nullable(),
});

export function createMemoryDirectory(contents: DirectoryContents = {}): MemoryDirectory {
  const orgs = new Map<string, OrgEntry>();
  const agents = new Map<string, AgentEntry>();
  const numbers = new Map<string, NumberEntry>();
  const policies = new Map<string, MaskingPolicy>();

  const directory: MemoryDirectory = {
    async org(id) {
      return orgs.get(id) ?? null;
    },
    async agent(org, id) {
      return agents.get(`${org}\u0000${id}`) ?? null;
    },
    async number(e164) {
      return numbers.get(e164) ?? null;
    },
    setOrg(entry) {
      const org = parseInput(orgEntrySchema, entry, 'org');
      orgs.set(org.id, org);
      return org;
    },
    setAgent(entry) {
      const agent = parseInput(agentEntrySchema, entry, 'agent');
      agents.set(`${agent.org}\u0000${agent.id}`, agent);
      return agent;
    },
    setNumber(entry) {
      const parsed = parseInput(numberEntrySchema, entry, 'number');
      const e164 = normaliseNumber(parsed.number);
      if (!e164)
        throw new OneNumberError('INVALID_NUMBER', `number: "${parsed.number}" is not a valid business number`, {
          field: 'number',
        });
      const stored = { number: e164, verified: parsed.verified };
      numbers.set(e164, stored);
      return stored;
    },
    setPolicy(org, service, policy) {
      const parsed = parseInput(policyInput, { org, service, policy }, 'policy');
      const key = `${parsed.org}\u0000${parsed.service}`;
      if (parsed.policy) policies.set(key, Object.freeze(parsed.policy));
      else policies.delete(key);
      return effectivePolicy(service, parsed.policy);
    },
    policyOf(org, service) {
      return effectivePolicy(service, policies.get(`${org}\u0000${service}`));
    },
    load(input) {
      const parsed = parseInput(directoryContentsSchema, input, 'directory');
      parsed.orgs.forEach(directory.setOrg);
      parsed.agents.forEach(directory.setAgent);
      parsed.numbers.forEach(directory.setNumber);
    },
  };
  directory.load(contents);
  return directory;
}
