// The one conformance suite (style.md: unstorage's testDriver, better-auth's adapter tests).
// Every ChannelStorage implementation calls describeStorage(); a test it cannot support is
// skipped by name with a reason, visibly.
import type { ChannelStorage } from '@onenumber/core';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { membershipTests } from './membershipTests';
import { messageTests } from './messageTests';
import { eventTests } from './eventTests';
import { timelineTests } from './timelineTests';
import { errorTitleTests } from './errorTitleTests';
import { boundedInputTests } from './boundedInputTests';

export interface StorageSuiteOptions {
  /** Tests this implementation cannot support, by exact name, with the reason shown. */
  skip?: Record<string, string>;
  /** Per-test timeout for slow (remote) storages. */
  timeout?: number;
}

export interface SuiteContext {
  /** The storage under test, fresh for each test. */
  readonly storage: ChannelStorage;
  /** Marks the running test skipped (an optional capability the storage does not have). */
  skip(reason: string): void;
}

export type Case = [name: string, run: (ctx: SuiteContext) => Promise<void>];

export function describeStorage(
  name: string,
  makeStorage: () => ChannelStorage | Promise<ChannelStorage>,
  options: StorageSuiteOptions = {},
): void {
  describe(`ChannelStorage conformance: ${name}`, () => {
    let storage: ChannelStorage | undefined;
    const contextFor = (skip: (note: string) => void): SuiteContext => ({
      get storage() {
        if (!storage) throw new Error('storage not ready');
        return storage;
      },
      skip,
    });
    beforeEach(async () => {
      storage = await makeStorage();
    });
    afterEach(async () => {
      await storage?.close?.();
      storage = undefined;
    });
    for (const [group, cases] of [
      ['membership', membershipTests],
      ['messages', messageTests],
      ['events', eventTests],
      ['timeline and cursors', timelineTests],
      ['R32: failed sends', errorTitleTests],
      ['R27, R36: bounded input', boundedInputTests],
    ] as const) {
      describe(group, () => {
        for (const [title, run] of cases) {
          const reason = options.skip?.[title];
          if (reason) it.skip(`${title} (skipped: ${reason})`, () => {});
          else it(title, (t) => run(contextFor((note) => t.skip(note))), options.timeout);
        }
      });
    }
  });
}
