// The directory's read side (core's Directory port) for services, and its write side for the
// admin (tokens: tokenRoutes.ts). A service reads its own org's entries only, and only about its
// own agents (R33: another agent of the org is FORBIDDEN, never described); it can never change
// the directory or claim an access it lacks: only the admin routes write it, the masking policy
// overrides included (R33).
import { normaliseNumber, OneNumberError, type NumberEntry } from '@onenumber/core';
import { maskingPolicySchema, serviceSchema } from '@onenumber/core/schemas';
import type { Hono } from 'hono';
import type { ServerDatabase } from '../../db/ServerDatabase';
import { requireAdmin, requireScope } from '../auth';
import {
  agentEntrySchema,
  agentQuerySchema,
  directoryContentsSchema,
  numberAdminSchema,
  numberQuerySchema,
  orgEntrySchema,
  orgQuerySchema,
} from '../schemas/admin';
import {
  agentRemovedSchema,
  agentResultSchema,
  directoryLoadedSchema,
  numberResultSchema,
  orgResultSchema,
  policyResultSchema,
} from '../schemas/directory';
import { idSchema } from '../schemas/records';
import { answer } from './answer';
import { readBody, type AppEnv } from './context';

function e164(value: string): string {
  const number = normaliseNumber(value);
  if (!number)
    throw new OneNumberError(
      'INVALID_NUMBER',
      `number: "${value.slice(0, 40)}" is not a valid business number; write it with its country code.`,
      { field: 'number' },
    );
  return number;
}

const param = (value: string | undefined, field: string, schema: typeof idSchema = idSchema) => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new OneNumberError('INVALID_INPUT', `${field}: not a valid id`, { field });
  return parsed.data;
};

export function directoryRoutes(app: Hono<AppEnv>, db: ServerDatabase): void {
  const { directory } = db;

  // Read side: the Directory port (createHttpDirectory mirrors these three).
  app.post('/v1/directory/org', async (c) => {
    const { id } = await readBody(c, orgQuerySchema);
    requireScope(c.var.principal, { org: id });
    return answer(c, orgResultSchema.nullable(), await directory.org(id));
  });
  app.post('/v1/directory/agent', async (c) => {
    const input = await readBody(c, agentQuerySchema);
    const principal = c.var.principal;
    requireScope(principal, { org: input.org });
    const agent = await directory.agent(input.org, input.id);
    // R25, R33: a service learns about its own agents only; another one exists for it only as a refusal.
    if (principal.kind === 'service' && agent && !agent.access.includes(principal.service))
      throw new OneNumberError('FORBIDDEN', `Agent "${input.id}" has no access to ${principal.service}.`, {
        field: 'id',
      });
    return answer(c, agentResultSchema.nullable(), agent);
  });
  app.post('/v1/directory/number', async (c) => {
    const { number } = await readBody(c, numberQuerySchema);
    const normalised = normaliseNumber(number);
    return answer(c, numberResultSchema.nullable(), normalised ? await directory.number(normalised) : null);
  });

  // Write side: admin only.
  app.put('/v1/admin/orgs', async (c) => {
    requireAdmin(c.var.principal);
    return answer(c, orgResultSchema, await directory.setOrg(await readBody(c, orgEntrySchema)));
  });
  app.put('/v1/admin/agents', async (c) => {
    requireAdmin(c.var.principal);
    return answer(c, agentResultSchema, await directory.setAgent(await readBody(c, agentEntrySchema)));
  });
  app.get('/v1/admin/orgs/:org/agents', async (c) => {
    requireAdmin(c.var.principal);
    return answer(c, agentResultSchema.array(), await directory.listAgents(param(c.req.param('org'), 'org')));
  });
  app.delete('/v1/admin/orgs/:org/agents/:id', async (c) => {
    requireAdmin(c.var.principal);
    const removed = await directory.removeAgent(param(c.req.param('org'), 'org'), param(c.req.param('id'), 'id'));
    return answer(c, agentRemovedSchema, { removed });
  });
  app.put('/v1/admin/numbers', async (c) => {
    requireAdmin(c.var.principal);
    const input = await readBody(c, numberAdminSchema);
    const number = e164(input.number);
    const stored: NumberEntry & { phoneNumberId?: string } = await directory.setNumber({
      number,
      verified: input.verified,
    });
    if (input.phoneNumberId) {
      await directory.setPhoneNumberId({ number, phoneNumberId: input.phoneNumberId });
      stored.phoneNumberId = input.phoneNumberId;
    }
    return answer(c, numberResultSchema, stored);
  });
  // R33: the admin's override of a service's masking policy in an org (tighter or looser); DELETE goes back to the catalogue's.
  const policyKey = (c: { req: { param(name: string): string | undefined } }) =>
    [param(c.req.param('org'), 'org'), param(c.req.param('service'), 'service', serviceSchema)] as const;
  app.get('/v1/admin/orgs/:org/policies/:service', async (c) => {
    requireAdmin(c.var.principal);
    return answer(c, policyResultSchema, await directory.policy(...policyKey(c)));
  });
  app.put('/v1/admin/orgs/:org/policies/:service', async (c) => {
    requireAdmin(c.var.principal);
    const key = policyKey(c);
    return answer(c, policyResultSchema, await directory.setPolicy(...key, await readBody(c, maskingPolicySchema)));
  });
  app.delete('/v1/admin/orgs/:org/policies/:service', async (c) => {
    requireAdmin(c.var.principal);
    return answer(c, policyResultSchema, await directory.setPolicy(...policyKey(c), null));
  });
  app.post('/v1/admin/directory', async (c) => {
    requireAdmin(c.var.principal);
    const contents = await readBody(c, directoryContentsSchema);
    const numbers = contents.numbers.map((entry) => ({ number: e164(entry.number), verified: entry.verified })); // all valid before any write
    for (const org of contents.orgs) await directory.setOrg(org);
    for (const agent of contents.agents) await directory.setAgent(agent);
    for (const entry of numbers) await directory.setNumber(entry);
    const loaded = { orgs: contents.orgs.length, agents: contents.agents.length, numbers: contents.numbers.length };
    return answer(c, directoryLoadedSchema, loaded);
  });
}
