// The one conformance suite (style.md: unstorage's testDriver, better-auth's adapter tests).
// Every ChannelStorage implementation calls describeStorage(); a test it cannot support is
// skipped by name with a reason, visibly.
import type { AgentEntry, ChannelStorage, MaskingPolicy } from '@onenumber/core';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { membershipTests } from './membershipTests';
import { messageTests } from './messageTests';
import { eventTests } from './eventTests';
import { timelineTests } from './timelineTests';
import { errorTitleTests } from './errorTitleTests';
import { boundedInputTests } from './boundedInputTests';
import { decisionTests } from './decisionTests';
import { policyTests } from './policyTests';

export interface StorageSuiteOptions {
  /** Tests this implementation cannot support, by exact name, with the reason shown. */
  skip?: Record<string, string>;
  /** Per-test timeout for slow (remote) storages. */
  timeout?: number;
}

/**
 * The directory facts the storage decides with, written as its admin writes them: agents (R22,
 * R23: names and access) and the admin's policy overrides (R33; null goes back to the catalogue).
 */
export interface StorageDirectory {
  setAgent(entry: AgentEntry): unknown;
  setPolicy(org: string, service: string, policy: MaskingPolicy | null): unknown;
}

/** What a setup gives each test: the storage, and the directory it decides with. */
export interface StorageSetup {
  storage: ChannelStorage;
  directory: StorageDirectory;
}

export interface SuiteContext {
  /** The storage under test, fresh for each test. */
  readonly storage: ChannelStorage;
  /** Its directory, empty at the start of each test (R22..R24, R33). */
  readonly directory: StorageDirectory;
  /** Marks the running test skipped (an optional capability the storage does not have). */
  skip(reason: string): void;
}

export type Case = [name: string, run: (ctx: SuiteContext) => Promise<void>];

export function describeStorage(
  name: string,
  makeSetup: () => StorageSetup | Promise<StorageSetup>,
  options: StorageSuiteOptions = {},
): void {
  describe(`ChannelStorage conformance: ${name}`, () => {
    let setup: StorageSetup | undefined;
    const ready = () => {
      if (!setup) throw new Error('storage not ready');
      return setup;
    };
    const contextFor = (skip: (note: string) => void): SuiteContext => ({
      get storage() {
        return ready().storage;
      },
      get directory() {
        return ready().directory;
      },
      skip,
    });
    beforeEach(async () => {
      setup = await makeSetup();
    });
    afterEach(async () => {
      await setup?.storage.close?.();
      setup = undefined;
    });
    for (const [group, cases] of [
      ['membership', membershipTests],
      ['messages', messageTests],
      ['events', eventTests],
      ['timeline and cursors', timelineTests],
      ['R32: failed sends', errorTitleTests],
      ['R27, R36: bounded input', boundedInputTests],
      ['R22..R24, R33: decisions where the facts are', decisionTests],
      ["R33: policies are the server's", policyTests],
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
