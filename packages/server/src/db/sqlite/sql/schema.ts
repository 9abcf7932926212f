// The SQLite schema, as numbered migration steps. Never edit a released step: add one.
// Written as portably as reasonable (TEXT/INTEGER columns, JSON as text, UNIQUE constraints
// carrying the rules); the PostgreSQL dialect will mirror each step with its own types.
import type { MigrationStep } from '../../common/migrationStep';

export const migrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export const migrationSteps: readonly MigrationStep[] = [
  {
    version: 1,
    name: 'channels, memberships, conversations, messages, events',
    statements: [
      // Stored sequences: creation order (R11) and ids come from here, never from a clock.
      `CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
      `INSERT INTO sequences (name, value) VALUES ('seq', 0), ('channel', 0), ('conversation', 0), ('message', 0)`,
      // R5: a number belongs to one org.
      `CREATE TABLE number_owners (number TEXT PRIMARY KEY, org TEXT NOT NULL)`,
      // R3, R6: one shared channel per org and number (scope ''), one isolated channel per
      // org, number and service (scope = the service).
      `CREATE TABLE channels (
        id TEXT PRIMARY KEY,
        pos INTEGER NOT NULL UNIQUE,
        org TEXT NOT NULL,
        number TEXT NOT NULL REFERENCES number_owners (number),
        mode TEXT NOT NULL CHECK (mode IN ('shared', 'isolated')),
        scope TEXT NOT NULL,
        parent TEXT,
        settings TEXT NOT NULL,
        UNIQUE (org, number, scope)
      )`,
      `CREATE INDEX channels_by_number ON channels (number, pos)`,
      // R8: one membership per service and number; R11: a unique creation sequence.
      `CREATE TABLE memberships (
        org TEXT NOT NULL,
        number TEXT NOT NULL,
        service TEXT NOT NULL,
        channel TEXT NOT NULL REFERENCES channels (id),
        seq INTEGER NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
        policy TEXT NOT NULL,
        PRIMARY KEY (org, number, service)
      )`,
      `CREATE UNIQUE INDEX memberships_by_channel ON memberships (channel, service)`,
      `CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        channel TEXT NOT NULL REFERENCES channels (id),
        customer TEXT NOT NULL,
        version INTEGER NOT NULL,
        last_inbound_at TEXT,
        UNIQUE (channel, customer)
      )`,
      // R21: one assignee per service.
      `CREATE TABLE assignments (
        conversation TEXT NOT NULL REFERENCES conversations (id),
        service TEXT NOT NULL,
        agent TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (conversation, service)
      )`,
      `CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        pos INTEGER NOT NULL UNIQUE,
        org TEXT NOT NULL,
        channel TEXT NOT NULL REFERENCES channels (id),
        conversation TEXT NOT NULL REFERENCES conversations (id),
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        service TEXT,
        agent TEXT,
        agent_name TEXT,
        type TEXT NOT NULL,
        text TEXT,
        raw TEXT NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        provider_id TEXT,
        at TEXT NOT NULL
      )`,
      `CREATE INDEX messages_by_conversation ON messages (conversation, pos)`,
      // R15: a provider message id is stored once per number.
      `CREATE TABLE inbound_ids (number TEXT NOT NULL, provider_id TEXT NOT NULL, PRIMARY KEY (number, provider_id))`,
      // Each service's stream, rows already projected for it (R20); the id is the cursor.
      `CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        org TEXT NOT NULL,
        service TEXT NOT NULL,
        channel TEXT NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL
      )`,
      `CREATE INDEX events_by_stream ON events (org, service, id)`,
    ],
  },
  {
    version: 2,
    name: 'outbox',
    statements: [
      `CREATE TABLE outbox (
        message TEXT PRIMARY KEY REFERENCES messages (id),
        pos INTEGER NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        due_at TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        lease_worker TEXT,
        lease_until TEXT,
        provider_message_id TEXT UNIQUE,
        last_error TEXT,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX outbox_due ON outbox (state, due_at, pos)`,
    ],
  },
  {
    version: 3,
    name: 'directory and tokens',
    statements: [
      `CREATE TABLE orgs (id TEXT PRIMARY KEY, plan TEXT NOT NULL, services TEXT NOT NULL)`,
      `CREATE TABLE agents (org TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, access TEXT NOT NULL, PRIMARY KEY (org, id))`,
      `CREATE TABLE numbers (number TEXT PRIMARY KEY, verified INTEGER NOT NULL)`,
      `CREATE TABLE phone_number_ids (number TEXT PRIMARY KEY, phone_number_id TEXT NOT NULL UNIQUE)`,
      // Only the SHA-256 of a token is stored.
      `CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('admin', 'service')),
        org TEXT,
        service TEXT,
        created_at TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 4,
    name: 'audit timeline and durable cursors (issue 9)',
    statements: [
      // Never message text (R20): who, what, when, why.
      `CREATE TABLE timeline (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        org TEXT NOT NULL,
        channel TEXT NOT NULL REFERENCES channels (id),
        at TEXT NOT NULL,
        what TEXT NOT NULL,
        service TEXT,
        agent TEXT,
        from_service TEXT,
        to_service TEXT,
        message TEXT,
        status TEXT,
        why TEXT NOT NULL
      )`,
      `CREATE INDEX timeline_by_channel ON timeline (channel, id)`,
      `CREATE TABLE cursors (org TEXT NOT NULL, service TEXT NOT NULL, cursor INTEGER NOT NULL, PRIMARY KEY (org, service))`,
    ],
  },
  {
    version: 5,
    name: 'token expiry, rotation and the change log (R35)',
    statements: [
      // Times are UTC ISO text; previous_hash is the secret a rotation replaced, kept until previous_until.
      `ALTER TABLE tokens ADD COLUMN expires_at TEXT`,
      `ALTER TABLE tokens ADD COLUMN previous_hash TEXT`,
      `ALTER TABLE tokens ADD COLUMN previous_until TEXT`,
      `ALTER TABLE tokens ADD COLUMN rotated_at TEXT`,
      `CREATE UNIQUE INDEX tokens_by_previous_hash ON tokens (previous_hash)`,
      // Other processes on the file poll this for revocations and rotations.
      `CREATE TABLE token_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        token TEXT NOT NULL,
        what TEXT NOT NULL CHECK (what IN ('revoked', 'rotated')),
        at TEXT NOT NULL
      )`,
      `CREATE INDEX token_changes_by_at ON token_changes (at)`,
    ],
  },
  {
    version: 6,
    name: "masking policies are the server's (R33)",
    statements: [
      // The admin's override of a service's policy in an org; without one, core's catalogue applies.
      `CREATE TABLE policies (org TEXT NOT NULL, service TEXT NOT NULL, policy TEXT NOT NULL, PRIMARY KEY (org, service))`,
      // A membership no longer carries the policy its service chose at connect (R33: never its choice).
      `ALTER TABLE memberships DROP COLUMN policy`,
    ],
  },
];
