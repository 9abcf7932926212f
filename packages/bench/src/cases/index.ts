// Every benchmark case, in the order they run.
import type { Progress, Result, Sizes } from '../harness';
import { fanoutCore } from './fanoutCore';
import { memoryPerMessage } from './memoryPerMessage';
import { viewMemory } from './viewMemory';
import { viewHttp } from './viewHttp';
import { scale } from './scale';
import { ingestHttp } from './ingestHttp';
import { ingestPostgres } from './ingestPostgres';
import { pushFanout } from './pushFanout';

export type Case = (sizes: Sizes, progress: Progress) => Promise<Result | Result[]>;

export const cases: Record<string, Case> = {
  'ingest-http': ingestHttp,
  'ingest-http-postgres': ingestPostgres,
  'fanout-core': fanoutCore,
  'view-1000-memory': viewMemory,
  'view-1000-http': viewHttp,
  'memory-per-message': memoryPerMessage,
  'scale-1m': scale,
  'push-fanout': pushFanout,
};
