// Where a scenario runs: the storage (memory, http, postgres) behind the same OneNumber API.
import {
  createMemoryDirectory,
  createOneNumber,
  OneNumberError,
  type DirectoryContents,
  type OneNumber,
} from '@onenumber/core';
import { createMemoryStorage } from '@onenumber/storage-memory';
import type { PolicyOverride } from './directoryOf';

export type ScenarioApi = Pick<
  OneNumber,
  | 'connect'
  | 'disable'
  | 'enable'
  | 'remove'
  | 'members'
  | 'configure'
  | 'receive'
  | 'reply'
  | 'assign'
  | 'view'
  | 'markRead'
  | 'updateStatus'
  | 'canReply'
  | 'previewLeave'
  | 'timeline'
  | 'events'
>;

export interface ScenarioBackend {
  readonly name: string;
  /** A fresh system with the scenario's directory loaded and the admin's policy overrides set (R33). */
  start(contents: DirectoryContents, policies: readonly PolicyOverride[]): Promise<ScenarioApi>;
  /** Stop whatever start() started (servers, temporary databases). */
  stop(): Promise<void>;
}

/** Run-wide resources (an embedded PostgreSQL shared by all files), stopped when the command ends. */
const runEndHooks = new Set<() => Promise<void>>();

export function onRunEnd(hook: () => Promise<void>): void {
  runEndHooks.add(hook);
}

/** Stops every run-wide resource; the command calls it once, after its last file. */
export async function endRun(): Promise<void> {
  const hooks = [...runEndHooks];
  runEndHooks.clear();
  await Promise.all(hooks.map((hook) => hook().catch(() => {})));
}

export const storageKinds = ['memory', 'http', 'postgres'] as const;
export type StorageKind = (typeof storageKinds)[number];

export function memoryBackend(): ScenarioBackend {
  let api: OneNumber | null = null;
  return {
    name: 'memory',
    async start(contents, policies) {
      const directory = createMemoryDirectory(contents);
      for (const { org, service, policy } of policies) directory.setPolicy(org, service, policy); // R33
      api = createOneNumber({ storage: createMemoryStorage({ directory }), directory });
      return api;
    },
    async stop() {
      await api?.close();
    },
  };
}

/** Other storages register here as their packages land; an unknown one is exit 2 (docs/scenarios.md). */
const factories: Partial<Record<StorageKind, () => Promise<ScenarioBackend>>> = {
  memory: async () => memoryBackend(),
  http: async () => (await import('./httpBackend')).httpBackend(),
  postgres: async () => (await import('./postgresBackend')).postgresBackend(),
};

export function registerBackend(kind: StorageKind, factory: () => Promise<ScenarioBackend>): void {
  factories[kind] = factory;
}

export async function createBackend(kind: StorageKind): Promise<ScenarioBackend> {
  const factory = factories[kind];
  if (!factory) {
    throw new OneNumberError(
      'INVALID_INPUT',
      `--storage ${kind} is not available in this build yet; use --storage memory.`,
      { field: 'storage' },
    );
  }
  return factory();
}
