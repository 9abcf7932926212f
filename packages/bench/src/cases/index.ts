// Every benchmark case, in the order they run.
import type { Progress, Result, Sizes } from '../harness';
import { fanoutCore } from './fanoutCore';
import { memoryPerMessage } from './memoryPerMessage';
import { viewMemory } from './viewMemory';

export type Case = (sizes: Sizes, progress: Progress) => Promise<Result | Result[]>;

export const cases: Record<string, Case> = {
  'fanout-core': fanoutCore,
  'view-1000-memory': viewMemory,
  'memory-per-message': memoryPerMessage,
};
