// The scenario's orgs, numbers and agents as directory contents (docs/scenarios.md: loaded before the
// steps run). Agents belong to every org of the file; a number not listed is verified. R33:
// scenario runs use the default masking policy for every service, set as the admin's override.
import { defaultMaskingPolicy, normaliseNumber, type DirectoryContents, type MaskingPolicy } from '@onenumber/core';
import { serviceSchema } from '@onenumber/core/schemas';
import type { Scenario } from './schema';

/** R33: an admin's override of one service's policy in one org. */
export interface PolicyOverride {
  org: string;
  service: string;
  policy: MaskingPolicy;
}

/**
 * R33: the default policy for every service the file names (steps, subscriptions, agents'
 * access), in every org of the file. A name that is not a service id is left for the step that
 * uses it to be refused.
 */
export function defaultPolicies(scenario: Scenario): PolicyOverride[] {
  const services = new Set<string>();
  for (const step of scenario.steps) if ('service' in step && step.service) services.add(step.service);
  for (const org of scenario.orgs) for (const service of Object.keys(org.services ?? {})) services.add(service);
  for (const agent of scenario.agents) for (const service of agent.access) services.add(service);
  const valid = [...services].filter((s) => serviceSchema.safeParse(s).success).sort();
  return scenario.orgs.flatMap((org) =>
    valid.map((service) => ({ org: org.id, service, policy: defaultMaskingPolicy })),
  );
}

export function directoryOf(scenario: Scenario): DirectoryContents {
  const numbers = new Map<string, boolean>();
  for (const step of scenario.steps) {
    const e164 = 'number' in step ? normaliseNumber(step.number) : null;
    if (e164) numbers.set(e164, true);
  }
  for (const [number, facts] of Object.entries(scenario.numbers ?? {})) {
    const e164 = normaliseNumber(number);
    if (e164) numbers.set(e164, facts.verified);
  }
  return {
    orgs: scenario.orgs.map((o) => ({ id: o.id, plan: o.plan, services: o.services ?? {} })),
    agents: scenario.orgs.flatMap((o) => scenario.agents.map((a) => ({ ...a, org: o.id }))),
    numbers: [...numbers].map(([number, verified]) => ({ number, verified })),
  };
}
