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
import { pendingTests } from './pendingTests';
import { changeTests } from './changeTests';
import { readReceiptTests, readTests } from './readTests';
import { listTests } from './listTests';

export interface StorageSuiteOptions {
  /** Tests this implementation cannot support, by exact name, with the reason shown. */
  skip?: Record<string, string>;
  /** Per-test timeout for slow (remote) storages. */
  timeout?: number;
  /** R38: why this storage has no transport (its replies are `sent` at once): the pending cases are skipped. */
  noTransport?: string;
}

/** How a test wants its storage made: with a transport sending its replies (R38) or without. */
export interface SetupOptions {
  transport: boolean;
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
  makeSetup: (options: SetupOptions) => StorageSetup | Promise<StorageSetup>,
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
    const groups = [
      ['membership', membershipTests, false],
      ['messages', messageTests, false],
      ['events', eventTests, false],
      ['R30: changes to a message', changeTests, false],
      ['timeline and cursors', timelineTests, false],
      ['R32: failed sends', errorTitleTests, false],
      ['R27, R36: bounded input', boundedInputTests, false],
      ['R22..R24, R33: decisions where the facts are', decisionTests, false],
      ["R33: policies are the server's", policyTests, false],
      ['R39: read markers', readTests, false],
      ['issue 21: the conversation list', listTests, false],
      ['R38: pending before sent (with a transport)', pendingTests, true],
      ['R39: read receipts (with a transport)', readReceiptTests, true],
    ] as const;
    for (const [group, cases, transport] of groups) {
      describe(group, () => {
        beforeEach(async () => {
          setup = await makeSetup({ transport });
        });
        afterEach(async () => {
          await setup?.storage.close?.();
          setup = undefined;
        });
        for (const [title, run] of cases) {
          const reason = options.skip?.[title] ?? (transport ? options.noTransport : undefined);
          if (reason) it.skip(`${title} (skipped: ${reason})`, () => {});
          else it(title, (t) => run(contextFor((note) => t.skip(note))), options.timeout);
        }
      });
    }
  });
}
