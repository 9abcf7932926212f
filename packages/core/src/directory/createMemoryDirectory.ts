// The in-memory directory: for tests, scenarios and single-process apps. Every setter validates.
import { z } from 'zod';
import { OneNumberError } from '../errors';
import { normaliseNumber } from '../channel/number';
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
}

export function createMemoryDirectory(contents: DirectoryContents = {}): MemoryDirectory {
  const orgs = new Map<string, OrgEntry>();
  const agents = new Map<string, AgentEntry>();
  const numbers = new Map<string, NumberEntry>();

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
