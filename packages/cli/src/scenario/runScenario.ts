// Runs one scenario file: load the directory, run each step, match `expect`, check channel groups.
import { OneNumberError } from '@onenumber/core';
import type { ScenarioBackend } from './backend';
import { defaultPolicies, directoryOf } from './directoryOf';
import { match, type Failure } from './match';
import { runStep, type Labels, type StepResult } from './runStep';
import type { Scenario } from './schema';

export interface ScenarioReport {
  name: string;
  steps: { op: string; result: StepResult }[];
  failures: Failure[];
}

/** The result fields that hold opaque ids, per op (docs/scenarios.md: compare them only with each other). */
const opaqueIds: Partial<Record<string, string[]>> = {
  connect: ['channel'],
  members: ['channel'],
  inbound: ['conversation'],
  react: ['conversation'],
  edit: ['conversation'],
  revoke: ['conversation'],
  reply: ['message'],
};

/** Opaque ids shown as stable aliases (channel#1, ...), so runs on different storages compare equal. */
function aliaser() {
  const seen = new Map<string, string>();
  const counts: Record<string, number> = {};
  return (kind: string, id: unknown) => {
    if (typeof id !== 'string') return id;
    const k = `${kind}\u0000${id}`;
    if (!seen.has(k)) seen.set(k, `${kind}#${(counts[kind] = (counts[kind] ?? 0) + 1)}`);
    return seen.get(k);
  };
}

export async function runScenario(scenario: Scenario, backend: ScenarioBackend): Promise<ScenarioReport> {
  const api = await backend.start(directoryOf(scenario), defaultPolicies(scenario)); // R33: the default for every service
  const alias = aliaser();
  const labels: Labels = new Map();
  const steps: ScenarioReport['steps'] = [];
  const failures: Failure[] = [];
  try {
    for (const [index, step] of scenario.steps.entries()) {
      const org = step.org ?? scenario.orgs[0]!.id;
      let result: StepResult;
      try {
        result = await runStep(api, step, org, labels);
      } catch (error) {
        if (!OneNumberError.isInstance(error)) throw error;
        result = { error: error.code, message: error.message };
      }
      if (step.as) labels.set(step.as, result);
      const { cursor: _cursor, ...shown } = result; // cursors are opaque: kept for labels, not shown
      if (!('error' in shown))
        for (const kind of opaqueIds[step.op] ?? []) if (kind in shown) shown[kind] = alias(kind, shown[kind]);
      steps.push({ op: step.op, result: shown });
      if (result.error !== undefined && !(step.expect && 'error' in step.expect)) {
        failures.push({ step: index, path: 'error', expected: null, actual: result.error });
      } else if (step.expect) {
        match(step.expect, shown, '', index, failures);
      }
    }
  } finally {
    await backend.stop();
  }
  checkGroups(scenario.sameChannel, steps, true, failures);
  checkGroups(scenario.differentChannel, steps, false, failures);
  return { name: scenario.name, steps, failures };
}

function checkGroups(
  groups: number[][] | undefined,
  steps: ScenarioReport['steps'],
  same: boolean,
  failures: Failure[],
): void {
  for (const group of groups ?? []) {
    const channels = group.map((i) => steps[i]?.result.channel ?? null);
    const distinct = new Set(channels).size;
    const ok = same ? distinct === 1 && channels[0] !== null : distinct === channels.length && !channels.includes(null);
    if (!ok)
      failures.push({
        step: group[0] ?? 0,
        path: same ? 'sameChannel' : 'differentChannel',
        expected: group,
        actual: channels,
      });
  }
}
