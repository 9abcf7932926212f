// The one shared adapter suite (style.md: better-auth's published adapter tests, unstorage's
// testDriver). Every adapter package calls describeAdapter() from its test/ folder; a test it
// cannot support is skipped by exact name with the reason shown, visibly.
import { afterEach, beforeEach, describe, it } from 'vitest';
import type { OneNumber } from '../../createOneNumber';
import { OneNumberError } from '../../errors';
import { beyondCases } from './beyondCases';
import { conversationCases } from './conversationCases';
import { eventCases } from './eventCases';
import { inputCases } from './inputCases';
import { membershipCases } from './membershipCases';
import {
  makeOneNumber,
  otherServiceOf,
  type AdapterSuiteContext,
  type AnyAdapter,
  type StorageFactory,
} from './adapterWorld';

export interface AdapterSuiteOptions {
  /** Builds the adapter under test for an org, e.g. `(onenumber, org) => createDeskAdapter({ onenumber, org })`. */
  create: (onenumber: OneNumber, org: string) => AnyAdapter;
  /** The service id the adapter must fill in, e.g. "desk". */
  service: string;
  /**
   * A fresh storage per test on the suite's directory (core imports no storage of ours), e.g.
   * `(directory) => createMemoryStorage({ directory })`.
   */
  storage: StorageFactory;
  /** Tests this adapter cannot support, by exact name, with the reason shown. */
  skip?: Record<string, string>;
  /** Per-test timeout for slow (remote) storages. */
  timeout?: number;
}

export type AdapterCase = [
  name: string,
  run: (ctx: AdapterSuiteContext, options: AdapterSuiteOptions) => Promise<void>,
];

export const adapterSuiteGroups: readonly (readonly [string, AdapterCase[]])[] = [
  ['membership', membershipCases],
  ['conversations', conversationCases],
  ['events', eventCases],
  ['input', inputCases],
  ['beyond (issue 9)', beyondCases],
];

export function describeAdapter(name: string, options: AdapterSuiteOptions): void {
  describe(`Service adapter suite: ${name}`, () => {
    let state: { onenumber: OneNumber; adapters: AnyAdapter[] } | undefined;
    const current = () => {
      if (!state) throw new OneNumberError('INTERNAL', 'adapter suite: the world is used outside a test');
      return state;
    };
    const create = (org: string) => {
      const adapter = options.create(current().onenumber, org);
      current().adapters.push(adapter);
      return adapter;
    };
    let adapter: AnyAdapter | undefined;
    const ctx: AdapterSuiteContext = {
      get onenumber() {
        return current().onenumber;
      },
      get adapter() {
        return (adapter ??= create('acme'));
      },
      service: options.service,
      other: otherServiceOf(options.service),
      create,
    };
    beforeEach(async () => {
      state = { onenumber: await makeOneNumber(options.service, options.storage), adapters: [] };
      adapter = undefined;
    });
    afterEach(async () => {
      for (const a of state?.adapters ?? []) a.close();
      await state?.onenumber.close();
      state = undefined;
    });
    for (const [group, cases] of adapterSuiteGroups) {
      describe(group, () => {
        for (const [title, run] of cases) {
          const reason = options.skip?.[title];
          if (reason) it.skip(`${title} (skipped: ${reason})`, () => {});
          else it(title, () => run(ctx, options), options.timeout);
        }
      });
    }
  });
}
