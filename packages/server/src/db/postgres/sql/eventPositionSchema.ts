// Issue 17: events numbered without counter rows (PostgreSQL). An event's id is its position,
// (transaction id, place in the transaction), written as one integer: (xid + offset) * 4096 + k,
// k from 1 to 4095. A reader serves only positions below the current snapshot's xmin (every
// transaction below it has ended), so a transaction that took its id early and commits late is
// waited for, never skipped. The offset is fixed when the step runs, above every id given out by
// the counter rows before it: an old cursor n still names the same place in its stream.
import type { MigrationStep } from '../../common/migrationStep';

/** Events one transaction may write: the last 12 bits of a position. */
export const eventsPerTransaction = 4095;

export const eventPositionSteps: readonly MigrationStep[] = [
  {
    version: 20,
    name: 'event positions from transaction ids, no counter rows (issue 17)',
    statements: [
      `DO $step$
       DECLARE offset_value bigint;
       BEGIN
         SELECT greatest(coalesce((SELECT max(head) FROM event_streams), 0), coalesce((SELECT max(seq) FROM events), 0)) / 4096 + 1
           INTO offset_value;
         -- The first position of the calling transaction's events (assigns its transaction id).
         EXECUTE format('CREATE FUNCTION onenumber_event_base() RETURNS bigint LANGUAGE sql VOLATILE AS %L',
           format('SELECT (pg_current_xact_id()::text::bigint + %s) * 4096', offset_value));
         -- Positions below this belong to transactions that have ended: what a reader may serve.
         EXECUTE format('CREATE FUNCTION onenumber_event_bound() RETURNS bigint LANGUAGE sql STABLE AS %L',
           format('SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint + %s) * 4096', offset_value));
       END $step$`,
    ],
  },
];
