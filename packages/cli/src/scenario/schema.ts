// The scenario file format (docs/scenarios.md in the repository), validated at the edge.
import { orgEntrySchema } from '@onenumber/core/schemas';
import { z } from 'zod';

/** Where a person reads the format (an installed CLI has no repository beside it to point into). */
export const scenarioDoc = 'docs/scenarios.md in the OneNumber repository (the scenario format)';

const text = z.string().max(65536);
const common = {
  org: z.string().min(1).optional(),
  as: z.string().min(1).optional(),
  expect: z.record(z.string(), z.unknown()).optional(),
};
const onNumber = { ...common, service: z.string().min(1), number: z.string() };
const withCustomer = { ...onNumber, agent: z.string().min(1), customer: z.string().min(1) };
const customerChange = {
  ...common,
  number: z.string(),
  customer: z.string().min(1),
  target: z.string().min(1),
  id: z.string().min(1).optional(),
};

export const stepSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('connect'), ...onNumber }),
  z.object({ op: z.literal('disable'), ...onNumber }),
  z.object({ op: z.literal('enable'), ...onNumber }),
  z.object({ op: z.literal('remove'), ...onNumber }),
  z.object({ op: z.literal('members'), ...common, number: z.string(), service: z.string().min(1).optional() }),
  z.object({ op: z.literal('configure'), ...onNumber, settings: z.record(z.string(), z.unknown()) }),
  z.object({
    op: z.literal('inbound'),
    ...common,
    number: z.string(),
    customer: z.string().min(1),
    text,
    id: z.string().min(1).optional(),
  }),
  // R30: the customer's changes to an earlier message (`target`: its `inbound` step's id).
  z.object({ op: z.literal('react'), ...customerChange, emoji: z.string().max(16) }),
  z.object({ op: z.literal('edit'), ...customerChange, text }),
  z.object({ op: z.literal('revoke'), ...customerChange }),
  z.object({ op: z.literal('reply'), ...withCustomer, text }),
  z.object({ op: z.literal('assign'), ...withCustomer, confirm: z.boolean().optional() }),
  z.object({ op: z.literal('view'), ...withCustomer }),
  // R39: the agent read the conversation (its service's read marker moves; nobody is assigned).
  z.object({ op: z.literal('mark-read'), ...withCustomer, typing: z.boolean().optional() }),
  z.object({
    op: z.literal('status'),
    ...common,
    message: z.string().min(1),
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
  }),
  // Issue 9 (optional ops, documented in the CLI README):
  z.object({ op: z.literal('can-reply'), ...withCustomer }),
  z.object({ op: z.literal('preview-leave'), ...onNumber, action: z.enum(['disable', 'remove']) }),
  z.object({
    op: z.literal('timeline'),
    ...onNumber,
    after: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  z.object({
    op: z.literal('events'),
    ...common,
    service: z.string().min(1),
    after: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
]);

export const scenarioSchema = z.object({
  name: z.string(),
  orgs: z.array(orgEntrySchema.partial({ services: true })).min(1),
  numbers: z.record(z.string(), z.object({ verified: z.boolean() })).optional(),
  agents: z
    .array(z.object({ id: z.string().min(1), name: z.string().min(1), access: z.array(z.string()) }))
    .default([]),
  steps: z.array(stepSchema),
  sameChannel: z.array(z.array(z.number().int().min(0))).optional(),
  differentChannel: z.array(z.array(z.number().int().min(0))).optional(),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type Step = z.output<typeof stepSchema>;
