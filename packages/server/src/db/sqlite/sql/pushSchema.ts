// R34: the push delivery tables (SQLite), added as a migration step of their own. The queue is
// filled by a trigger on `events`, so every event and the rows that push it to its service's
// subscriptions commit in one transaction, whatever path inserted the event. Each row names its
// lane: the event's conversation, or its channel for channel events (membership, parent), the
// unit in which deliveries keep their order. A body that is not JSON (R36) still queues, in its
// channel's lane.
import type { MigrationStep } from '../../common/migrationStep';

/** The lane of an event row `e` (its conversation, else its channel), never failing on a bad body. */
export const sqliteLaneOf = (e: string): string =>
  `COALESCE('cv:' || (CASE WHEN json_valid(${e}.body) THEN json_extract(${e}.body, '$.conversation') END), 'ch:' || ${e}.channel)`;

/** Milliseconds since the epoch, on the database's clock. */
export const sqliteNowMs = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;

export const pushMigrationSteps: readonly MigrationStep[] = [
  {
    version: 7,
    name: 'push delivery: subscriptions and their durable queue (R34, R35)',
    statements: [
      // types: `,type,type,` or NULL (every type). token: the token that created or resumed it (R35).
      `CREATE TABLE push_subscriptions (
        id TEXT PRIMARY KEY,
        org TEXT NOT NULL,
        service TEXT NOT NULL,
        url TEXT NOT NULL,
        types TEXT,
        state TEXT NOT NULL CHECK (state IN ('active', 'paused')),
        token TEXT,
        secret TEXT NOT NULL,
        previous_secret TEXT,
        previous_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX push_subscriptions_by_stream ON push_subscriptions (org, service)`,
      // Times in ms since the epoch. event_id is the event's id in its (org, service) stream.
      `CREATE TABLE push_deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        subscription TEXT NOT NULL,
        org TEXT NOT NULL,
        service TEXT NOT NULL,
        event_id INTEGER NOT NULL,
        lane TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        due_at INTEGER NOT NULL DEFAULT 0,
        lease_worker TEXT,
        lease_until INTEGER,
        reclaimed INTEGER NOT NULL DEFAULT 0,
        queued_at INTEGER NOT NULL,
        first_at INTEGER,
        last_at INTEGER,
        done_at INTEGER,
        last_status INTEGER,
        last_error TEXT,
        last_ms INTEGER
      )`,
      `CREATE INDEX push_pending ON push_deliveries (subscription, lane, event_id) WHERE state = 'pending'`,
      `CREATE INDEX push_log ON push_deliveries (subscription, id)`,
      `CREATE INDEX push_done ON push_deliveries (done_at) WHERE state = 'delivered'`,
      `CREATE TRIGGER push_enqueue AFTER INSERT ON events
        WHEN EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.org = NEW.org AND s.service = NEW.service)
        BEGIN
          INSERT INTO push_deliveries (subscription, org, service, event_id, lane, state, queued_at)
          SELECT s.id, NEW.org, NEW.service, NEW.id, ${sqliteLaneOf('NEW')}, 'pending', ${sqliteNowMs}
          FROM push_subscriptions s
          WHERE s.org = NEW.org AND s.service = NEW.service
            AND (s.types IS NULL OR instr(s.types, ',' || NEW.type || ',') > 0);
        END`,
    ],
  },
  {
    version: 8,
    name: 'push delivery: the attempts in flight, indexed apart (R34)',
    statements: [
      // Claims count and check the attempts in flight (a lease set): few rows, read from here.
      `CREATE INDEX push_leased ON push_deliveries (subscription, lane) WHERE lease_until IS NOT NULL`,
    ],
  },
];
