// What each dialect supplies to the stores: three ways to run steps. A failure is answered as a
// OneNumberError (R27), never a driver error.
import type { StatementName } from './catalogue';
import type { InboundWriter } from './inboundWrite';
import type { Steps } from './steps';

export interface Runner {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * One atomic write: the steps' statements, events and timeline entries commit together or not
   * at all. The steps may run again (PostgreSQL retries a serialization failure), so they are
   * made by `steps` each time and do nothing outside the database.
   */
  write<T>(steps: () => Steps<T>): Promise<T>;
  /** Reads that see one snapshot. */
  read<T>(steps: () => Steps<T>): Promise<T>;
  /** Statements each on their own (autocommit): single reads and idempotent single writes. */
  run<T>(steps: () => Steps<T>): Promise<T>;
  /** Whether the dialect has an optional statement of the catalogue (a capability it offers). */
  offers(name: StatementName): boolean;
  /** Issue 17: writes a planned inbound message at once (absent: the step-by-step path). */
  readonly inbound?: InboundWriter;
}
