// The commands of `onenumber`, as the command line presents them: options with their one-line
// descriptions, examples, and the call into the command itself (src/commands).
import { migrateCommand } from '../commands/migrate';
import { scenarioCommand } from '../commands/scenario';
import { serveCommand } from '../commands/serve';
import { subscriptions } from '../commands/subscriptionsSpec';
import { scenarioDoc, type CommandSpec } from './spec';

const text = (value: string | boolean | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

const dbOption = {
  type: 'string',
  value: 'FILE|URL',
  description: 'SQLite file or postgres:// URL; default env ONENUMBER_DATABASE_URL, else ./onenumber.db.',
} as const;

export const scenario: CommandSpec = {
  name: 'scenario',
  summary: 'Run scenario files and check every expectation in them.',
  synopsis: 'FILE... [options]',
  details: [
    'Runs each scenario file step by step through the OneNumber SDK and prints a table per file.',
    'postgres uses ONENUMBER_DATABASE_URL when set, else an embedded PostgreSQL started for the run.',
    'Exit status: 0 every expect matched, 1 an expect did not, 2 a file is not a valid scenario or',
    'the storage is not available (the message says what to do).',
    `See ${scenarioDoc}.`,
  ],
  positionals: { name: 'FILE...', description: 'Scenario files (JSON), run one after another.' },
  options: {
    storage: {
      type: 'string',
      default: 'memory',
      value: 'KIND',
      description: 'Where it runs: memory (default), http (a local server on SQLite) or postgres.',
    },
    json: { type: 'boolean', default: false, description: 'Print one JSON document per file instead of tables.' },
  },
  examples: [
    'onenumber scenario examples/scenarios/*.json',
    'onenumber scenario examples/scenarios/eligibility.json --json',
    'onenumber scenario examples/scenarios/*.json --storage postgres',
  ],
  run: (values, positionals, io) =>
    scenarioCommand(positionals, { storage: text(values.storage) ?? 'memory', json: values.json === true }, io),
};

export const serve: CommandSpec = {
  name: 'serve',
  summary: 'Run the OneNumber server on a SQLite file or on PostgreSQL.',
  synopsis: '[options]',
  details: [
    'Runs the server and prints the URL it listens on. Without ONENUMBER_ADMIN_TOKEN (16 characters',
    'or more) it generates an admin token and prints it once. With the WHATSAPP_* variables set it',
    'serves the WhatsApp webhook and sender. Slow clients are cut off and connections past the cap',
    'refused (the timeout options). Stops cleanly on SIGINT or SIGTERM (exit 0); exit 2 on a bad',
    'option or a database it cannot use.',
  ],
  options: {
    port: { type: 'string', default: '8787', value: 'PORT', description: 'Port to listen on, 0 for any free one.' },
    host: { type: 'string', default: '127.0.0.1', value: 'HOST', description: 'Address to listen on.' },
    db: dbOption,
    synchronous: {
      type: 'string',
      default: 'normal',
      value: 'MODE',
      description: 'SQLite only: normal survives a killed process, full also a power loss.',
    },
    rate: {
      type: 'string',
      default: '80',
      value: 'N',
      description: 'WhatsApp messages per second per number, 1 to 1000 (one budget for all replicas).',
    },
    'pool-max': {
      type: 'string',
      default: '10',
      value: 'N',
      description: "PostgreSQL only: connections in this replica's pool, 1 to 500.",
    },
    'headers-timeout': {
      type: 'string',
      value: 'MS',
      description: 'Time to send the headers (default 10000; env ONENUMBER_HEADERS_TIMEOUT_MS).',
    },
    'request-timeout': {
      type: 'string',
      value: 'MS',
      description: 'Time to send a whole request (default 30000; env ONENUMBER_REQUEST_TIMEOUT_MS).',
    },
    'keep-alive-timeout': {
      type: 'string',
      value: 'MS',
      description: 'Idle time between requests (default 65000; env ONENUMBER_KEEP_ALIVE_TIMEOUT_MS).',
    },
    'max-connections': {
      type: 'string',
      value: 'N',
      description: 'Open connections at most, then refused (default 1024; env ONENUMBER_MAX_CONNECTIONS).',
    },
  },
  examples: [
    'onenumber serve --db ./onenumber.db',
    'ONENUMBER_ADMIN_TOKEN="$(openssl rand -base64 32)" onenumber serve --port 8787 --host 0.0.0.0',
    'onenumber serve --db postgres://onenumber:secret@db.internal:5432/onenumber --pool-max 20',
    'onenumber serve --headers-timeout 5000 --max-connections 4096',
  ],
  run: (values, _positionals, io) =>
    serveCommand(
      {
        port: text(values.port) ?? '8787',
        host: text(values.host) ?? '127.0.0.1',
        db: text(values.db),
        synchronous: text(values.synchronous) ?? 'normal',
        rate: text(values.rate) ?? '80',
        poolMax: text(values['pool-max']) ?? '10',
        headersTimeout: text(values['headers-timeout']),
        requestTimeout: text(values['request-timeout']),
        keepAliveTimeout: text(values['keep-alive-timeout']),
        maxConnections: text(values['max-connections']),
      },
      io,
    ),
};

export const migrate: CommandSpec = {
  name: 'migrate',
  summary: 'Apply the schema migrations this version knows and print what was applied.',
  synopsis: '[options]',
  details: [
    'Every server also migrates on start; run migrate first when several replicas roll out a new',
    'version. Exit status: 0 applied or up to date, 2 the database cannot be used (the message says why).',
  ],
  options: { db: dbOption },
  examples: [
    'onenumber migrate --db ./onenumber.db',
    'ONENUMBER_DATABASE_URL=postgres://onenumber:secret@db.internal:5432/onenumber onenumber migrate',
  ],
  run: (values, _positionals, io) => migrateCommand({ db: text(values.db) }, io),
};

export const commands: readonly CommandSpec[] = [scenario, serve, migrate, subscriptions];
