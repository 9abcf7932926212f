// R34: the push delivery tables (PostgreSQL), as SQLite's (sqlite/sql/pushSchema.ts), added as a
// migration step of their own. A row trigger on `events` queues each event for its service's
// subscriptions in the transaction that inserts it (connection.ts inserts a write's events just
// before COMMIT), so the event and its deliveries commit together. A body that is not JSON (R36)
// still queues, in its channel's lane (push_lane never fails).
import type { MigrationStep } from '../../common/migrationStep';

/** Milliseconds since the epoch, on the database's clock. */
export const postgresNowMs = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

export const pushMigrationSteps: readonly MigrationStep[] = [
  {
    version: 8,
    name: 'push delivery: subscriptions and their durable queue (R34, R35)',
    statements: [
      `CREATE TABLE push_subscriptions (
        id text COLLATE "C" PRIMARY KEY,
        org text NOT NULL,
        service text NOT NULL,
        url text NOT NULL,
        types text,
        state text NOT NULL CHECK (state IN ('active', 'paused')),
        token text,
        secret text NOT NULL,
        previous_secret text,
        previous_until text COLLATE "C",
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL
      )`,
      `CREATE INDEX push_subscriptions_by_stream ON push_subscriptions (org, service)`,
      `CREATE TABLE push_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subscription text COLLATE "C" NOT NULL,
        org text NOT NULL,
        service text NOT NULL,
        event_id bigint NOT NULL,
        lane text COLLATE "C" NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        due_at bigint NOT NULL DEFAULT 0,
        lease_worker text,
        lease_until bigint,
        reclaimed boolean NOT NULL DEFAULT false,
        queued_at bigint NOT NULL,
        first_at bigint,
        last_at bigint,
        done_at bigint,
        last_status integer,
        last_error text,
        last_ms integer
      )`,
      `CREATE INDEX push_pending ON push_deliveries (subscription, lane, event_id) WHERE state = 'pending'`,
      `CREATE INDEX push_log ON push_deliveries (subscription, id)`,
      `CREATE INDEX push_done ON push_deliveries (done_at) WHERE state = 'delivered'`,
      `CREATE FUNCTION push_lane(body text, channel text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE conversation text;
        BEGIN
          BEGIN
            conversation := body::json ->> 'conversation';
          EXCEPTION WHEN others THEN
            conversation := NULL;
          END;
          RETURN COALESCE('cv:' || conversation, 'ch:' || channel);
        END $$`,
      `CREATE FUNCTION push_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE v_lane text;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.org = NEW.org AND s.service = NEW.service) THEN
            RETURN NULL;
          END IF;
          v_lane := push_lane(NEW.body, NEW.channel);
          INSERT INTO push_deliveries (subscription, org, service, event_id, lane, state, queued_at)
          SELECT s.id, NEW.org, NEW.service, NEW.seq, v_lane, 'pending', ${postgresNowMs}
          FROM push_subscriptions s
          WHERE s.org = NEW.org AND s.service = NEW.service
            AND (s.types IS NULL OR position(',' || NEW.type || ',' in s.types) > 0);
          RETURN NULL;
        END $$`,
      `CREATE TRIGGER push_enqueue AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION push_enqueue()`,
    ],
  },
  {
    version: 9,
    name: 'push delivery: the attempts in flight, indexed apart (R34)',
    statements: [
      // Claims count and check the attempts in flight (a lease set): few rows, read from here.
      `CREATE INDEX push_leased ON push_deliveries (subscription, lane) WHERE lease_until IS NOT NULL`,
    ],
  },
];
