// What the directory and admin routes answer: core's entries as stored (an org's services always
// present), a number with its WhatsApp phone_number_id when one was given, load counts, and a
// service's masking policy in force (R33).
import { agentEntrySchema, maskingPolicySchema, orgEntrySchema } from '@onenumber/core/schemas';
import { z } from 'zod';
import { named } from './named';

export const orgResultSchema = named('OrgEntry', orgEntrySchema);
export const agentResultSchema = named('AgentEntry', agentEntrySchema);

export const numberResultSchema = named(
  'NumberEntry',
  z.object({
    /** E.164. */
    number: z.string(),
    verified: z.boolean(),
    /** Answered by PUT /v1/admin/numbers when it registered one. */
    phoneNumberId: z.string().optional(),
  }),
);

export const directoryLoadedSchema = named(
  'DirectoryLoaded',
  z.object({ orgs: z.number().int(), agents: z.number().int(), numbers: z.number().int() }),
  'How many entries of each kind were written',
);

export const agentRemovedSchema = named('AgentRemoved', z.object({ removed: z.boolean() }));

export const policyResultSchema = named(
  'PolicyInForce',
  z.object({
    service: z.string(),
    policy: maskingPolicySchema,
    /** `admin`: the admin's override for the org; `catalogue`: core's catalogue (R33). */
    source: z.enum(['admin', 'catalogue']),
  }),
  "R33: a service's masking policy in an org, and whether it is the admin's override or the catalogue's",
);
