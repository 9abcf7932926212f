// The `onenumber` command line: parses arguments and dispatches to a command.
import { parseArgs } from 'node:util';
import { scenarioCommand, type Io } from './commands/scenario';
import { migrateCommand } from './commands/migrate';
import { serveCommand } from './commands/serve';

export const usage = `onenumber: share one WhatsApp Business number between services.

Usage:
  onenumber scenario FILE... [--storage memory|http|postgres] [--json]
      Run scenario files (see shared/spec/scenarios.md). Exit 0 all passed, 1 an expect failed,
      2 a file is not a valid scenario.
  onenumber serve [--port 8787] [--host 127.0.0.1] [--db ./onenumber.db|postgres://...] [--synchronous normal|full]
                  [--rate 80] [--pool-max 10]
      Run the OneNumber server on a SQLite file, or on PostgreSQL for a postgres:// URL (several
      replicas may share it); --db defaults to env ONENUMBER_DATABASE_URL, else ./onenumber.db.
      Prints the URL; without ONENUMBER_ADMIN_TOKEN it generates an admin token and prints it
      once. Stops cleanly on SIGINT/SIGTERM.
  onenumber migrate [--db ./onenumber.db|postgres://...]
      Apply the schema migrations this version knows and print what was applied.
  onenumber help
`;

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(usage);
    return command ? 0 : 2;
  }
  try {
    if (command === 'scenario') {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { storage: { type: 'string', default: 'memory' }, json: { type: 'boolean', default: false } },
      });
      return await scenarioCommand(positionals, { storage: values.storage!, json: values.json! }, io);
    }
    if (command === 'serve') {
      const { values } = parseArgs({
        args: rest,
        options: {
          port: { type: 'string', default: '8787' },
          host: { type: 'string', default: '127.0.0.1' },
          db: { type: 'string' },
          synchronous: { type: 'string', default: 'normal' },
          rate: { type: 'string', default: '80' },
          'pool-max': { type: 'string', default: '10' },
        },
      });
      return await serveCommand(
        {
          port: values.port!,
          host: values.host!,
          db: values.db,
          synchronous: values.synchronous!,
          rate: values.rate!,
          poolMax: values['pool-max']!,
        },
        io,
      );
    }
    if (command === 'migrate') {
      const { values } = parseArgs({ args: rest, options: { db: { type: 'string' } } });
      return await migrateCommand({ db: values.db }, io);
    }
    io.err(`onenumber: unknown command "${command}". Run "onenumber help" for the list.`);
    return 2;
  } catch (error) {
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`onenumber ${command}: ${error.message}. Run "onenumber help".`);
      return 2;
    }
    throw error;
  }
}
