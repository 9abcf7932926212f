// Words: the directory holds the org facts the rules read (plan, subscriptions, agents, numbers).
// An admin sets it; the caller of an operation names an agent but never asserts its access.
import { z } from 'zod';
import { boundedJson } from '../bounds/boundedJson';
import { wellFormed } from '../bounds/wellFormed';
import type { Subscription } from '../eligibility/catalogue';

/** R27, R36: an org, agent or service id, well-formed Unicode (an ill-formed one would change when stored). */
const id = wellFormed(z.string().min(1).max(128));

export const planSchema = z
  .string()
  .regex(
    /^(zoho-one|crm-plus|standalone|bundle:[A-Za-z0-9._-]{1,64})$/,
    'a plan is zoho-one, crm-plus, bundle:NAME or standalone',
  );

export const orgEntrySchema = z
  .object({
    id,
    plan: planSchema,
    // R36: a record, so bounded like every free-form field (one level, 200 services).
    services: boundedJson(
      { depth: 1, keys: 200, bytes: 64 * 1024 },
      z.record(id, z.enum(['bundle', 'standalone', 'upgraded'])),
    ).default({}),
  })
  .strict();

export const agentEntrySchema = z
  .object({
    org: id,
    id,
    name: z.string().min(1).max(200),
    access: z.array(id).max(100),
  })
  .strict();

export const numberEntrySchema = z
  .object({
    /** E.164 or any common format; kept in E.164. */
    number: z.string().min(1).max(64),
    verified: z.boolean(),
  })
  .strict();

export interface OrgEntry {
  id: string;
  plan: string;
  services: Record<string, Subscription>;
}

export interface AgentEntry {
  org: string;
  id: string;
  name: string;
  access: string[];
}

export interface NumberEntry {
  number: string;
  verified: boolean;
}

/** The read side the rules use. The memory directory and the server's stored one implement it. */
export interface Directory {
  org(id: string): Promise<OrgEntry | null>;
  agent(org: string, id: string): Promise<AgentEntry | null>;
  /** Facts about a business number (E.164); null when nothing is known (treated as not verified). */
  number(e164: string): Promise<NumberEntry | null>;
}
