// The scenario's orgs, numbers and agents as directory contents (docs/scenarios.md: loaded before the
// steps run). Agents belong to every org of the file; a number not listed is verified.
import { normaliseNumber, type DirectoryContents } from '@onenumber/core';
import type { Scenario } from './schema';

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
