// The stored directory's rows and the keys it is looked up by, as every dialect reads them.
import type { AgentEntry, OrgEntry } from '@onenumber/core';
import { businessNumberSchema } from '@onenumber/core/schemas';
import { z } from 'zod';
import { fromJson } from './rows';
import { phoneNumberIdSchema } from './schemas';

export const phoneNumberIdInputSchema = z
  .object({ number: businessNumberSchema, phoneNumberId: phoneNumberIdSchema })
  .strict();

/** An org or agent id as a lookup key. */
export const directoryKeySchema = z.string().min(1).max(128);

export const toAgent = (row: { org: string; id: string; name: string; access: string }): AgentEntry => ({
  org: row.org,
  id: row.id,
  name: row.name,
  access: fromJson<string[]>(row.access, []),
});

export const toOrg = (row: { id: string; plan: string; services: string }): OrgEntry => ({
  id: row.id,
  plan: row.plan,
  services: fromJson<OrgEntry['services']>(row.services, {}),
});
