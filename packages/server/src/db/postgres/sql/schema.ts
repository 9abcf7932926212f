// The PostgreSQL schema, as numbered migration steps mirroring SQLite's (sqlite/sql/schema.ts):
// the same tables, versions and UNIQUE constraints carrying the rules, with this dialect's types
// (bigint sequences, boolean). Never edit a released step: add one. JSON stays text, so bodies
// keep their key order (byte-identical answers on both dialects); text compared by order is
// COLLATE "C" so it orders as in SQLite, whatever the database's locale.
// Two additions, both for several replicas: per-stream event counters (events are numbered in
// commit order, see connection.ts) and per-channel timeline counters (the same for the timeline).
import type { MigrationStep } from '../../common/migrationStep';

export const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at text NOT NULL
)`;

export const migrationSteps: readonly MigrationStep[] = [
  {
    version: 1,
    name: 'channels, memberships, conversations, messages, events',
    statements: [
      // Creation order (R11) and ids come from sequences, never from a clock.
      `CREATE SEQUENCE seq_values`,
      `CREATE SEQUENCE channel_values`,
      `CREATE SEQUENCE conversation_values`,
      `CREATE SEQUENCE message_values`,
      // Ids are a prefix and a sequence value in base 36, as in SQLite (common/rows.ts formatId).
      `CREATE FUNCTION onenumber_id(prefix text, value bigint) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
        DECLARE
          digits constant text := '0123456789abcdefghijklmnopqrstuvwxyz';
          out text := '';
          n bigint := value;
        BEGIN
          LOOP
            out := substr(digits, (n % 36)::integer + 1, 1) || out;
            n := n / 36;
            EXIT WHEN n = 0;
          END LOOP;
          RETURN prefix || '_' || out;
        END $$`,
      // R5: a number belongs to one org; its row is the lock every membership change takes.
      `CREATE TABLE number_owners (number text PRIMARY KEY, org text NOT NULL)`,
      // R3, R6: one shared channel per org and number (scope ''), one isolated channel per org,
      // number and service (scope = the service).
      `CREATE TABLE channels (
        id text PRIMARY KEY,
        pos bigint NOT NULL UNIQUE,
        org text NOT NULL,
        number text NOT NULL REFERENCES number_owners (number),
        mode text NOT NULL CHECK (mode IN ('shared', 'isolated')),
        scope text NOT NULL,
        parent text,
        settings text NOT NULL,
        UNIQUE (org, number, scope)
      )`,
      `CREATE INDEX channels_by_number ON channels (number, pos)`,
      // R8: one membership per service and number; R11: a unique creation sequence.
      `CREATE TABLE memberships (
        org text NOT NULL,
        number text NOT NULL,
        service text NOT NULL,
        channel text NOT NULL REFERENCES channels (id),
        seq bigint NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('active', 'disabled')),
        policy text NOT NULL,
        PRIMARY KEY (org, number, service)
      )`,
      `CREATE UNIQUE INDEX memberships_by_channel ON memberships (channel, service)`,
      `CREATE TABLE conversations (
        id text PRIMARY KEY,
        channel text NOT NULL REFERENCES channels (id),
        customer text NOT NULL,
        version integer NOT NULL,
        last_inbound_at text,
        UNIQUE (channel, customer)
      )`,
      // R21: one assignee per service.
      `CREATE TABLE assignments (
        conversation text NOT NULL REFERENCES conversations (id),
        service text NOT NULL,
        agent text NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (conversation, service)
      )`,
      `CREATE TABLE messages (
        id text PRIMARY KEY,
        pos bigint NOT NULL UNIQUE,
        org text NOT NULL,
        channel text NOT NULL REFERENCES channels (id),
        conversation text NOT NULL REFERENCES conversations (id),
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        service text,
        agent text,
        agent_name text,
        type text NOT NULL,
        text text,
        raw text NOT NULL,
        status text NOT NULL,
        error text,
        provider_id text,
        at text NOT NULL
      )`,
      `CREATE INDEX messages_by_conversation ON messages (conversation, pos)`,
      // R15: a provider message id is stored once per number, whichever replica is first.
      `CREATE TABLE inbound_ids (number text NOT NULL, provider_id text NOT NULL, PRIMARY KEY (number, provider_id))`,
      // Each service's stream, rows already projected for it (R20). seq is the stream's cursor,
      // given out in commit order by the stream's counter row.
      `CREATE TABLE event_streams (org text NOT NULL, service text NOT NULL, head bigint NOT NULL, PRIMARY KEY (org, service))`,
      `CREATE TABLE events (
        org text NOT NULL,
        service text NOT NULL,
        seq bigint NOT NULL,
        channel text NOT NULL,
        type text NOT NULL,
        body text NOT NULL,
        PRIMARY KEY (org, service, seq)
      )`,
    ],
  },
  {
    version: 2,
    name: 'outbox',
    statements: [
      `CREATE TABLE outbox (
        message text PRIMARY KEY REFERENCES messages (id),
        pos bigint NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        due_at text COLLATE "C" NOT NULL,
        attempts integer NOT NULL,
        lease_worker text,
        lease_until text COLLATE "C",
        provider_message_id text UNIQUE,
        last_error text,
        updated_at text NOT NULL
      )`,
      // Claims read only pending items, oldest first.
      `CREATE INDEX outbox_pending ON outbox (pos) WHERE state = 'pending'`,
    ],
  },
  {
    version: 3,
    name: 'directory and tokens',
    statements: [
      `CREATE TABLE orgs (id text PRIMARY KEY, plan text NOT NULL, services text NOT NULL)`,
      `CREATE TABLE agents (org text NOT NULL, id text COLLATE "C" NOT NULL, name text NOT NULL, access text NOT NULL, PRIMARY KEY (org, id))`,
      `CREATE TABLE numbers (number text PRIMARY KEY, verified boolean NOT NULL)`,
      `CREATE TABLE phone_number_ids (number text PRIMARY KEY, phone_number_id text NOT NULL UNIQUE)`,
      // Only the SHA-256 of a token is stored.
      `CREATE TABLE tokens (
        id text COLLATE "C" PRIMARY KEY,
        hash text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('admin', 'service')),
        org text,
        service text,
        created_at text COLLATE "C" NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'audit timeline and durable cursors (issue 9)',
    statements: [
      // Never message text (R20): who, what, when, why. seq counts per channel, in commit order.
      `CREATE TABLE timeline_heads (channel text PRIMARY KEY, head bigint NOT NULL)`,
      `CREATE TABLE timeline (
        channel text NOT NULL REFERENCES channels (id),
        seq bigint NOT NULL,
        org text NOT NULL,
        at text NOT NULL,
        what text NOT NULL,
        service text,
        agent text,
        from_service text,
        to_service text,
        message text,
        status text,
        why text NOT NULL,
        PRIMARY KEY (channel, seq)
      )`,
      `CREATE TABLE cursors (org text NOT NULL, service text NOT NULL, cursor bigint NOT NULL, PRIMARY KEY (org, service))`,
    ],
  },
  {
    version: 5,
    name: 'one send budget per number across replicas (issue 10)',
    statements: [
      // A token bucket per business number: credit in thousandths of a send, at_ms on the
      // database's clock; granted is what the last reservation got (read back by RETURNING).
      `CREATE TABLE send_budgets (number text PRIMARY KEY, credit bigint NOT NULL, at_ms bigint NOT NULL, granted integer NOT NULL)`,
    ],
  },
  {
    version: 6,
    name: 'token expiry and rotation (R35)',
    statements: [
      // As in SQLite's step 5; revocations and rotations reach the other replicas by NOTIFY, so
      // no change log is kept here.
      `ALTER TABLE tokens ADD COLUMN expires_at text COLLATE "C"`,
      `ALTER TABLE tokens ADD COLUMN previous_hash text`,
      `ALTER TABLE tokens ADD COLUMN previous_until text COLLATE "C"`,
      `ALTER TABLE tokens ADD COLUMN rotated_at text COLLATE "C"`,
      `CREATE UNIQUE INDEX tokens_by_previous_hash ON tokens (previous_hash)`,
    ],
  },
  {
    version: 7,
    name: "masking policies are the server's (R33)",
    statements: [
      // As in SQLite's step 6: the admin's override per org and service; else core's catalogue.
      `CREATE TABLE policies (org text NOT NULL, service text NOT NULL, policy text NOT NULL, PRIMARY KEY (org, service))`,
      `ALTER TABLE memberships DROP COLUMN policy`,
    ],
  },
];
