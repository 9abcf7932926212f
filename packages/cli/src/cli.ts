// The `onenumber` command line: parses arguments and dispatches to a command.
import { parseArgs } from 'node:util';
import { scenarioCommand, type Io } from './commands/scenario';

export const usage = `onenumber: share one WhatsApp Business number between services.

Usage:
  onenumber scenario FILE... [--storage memory|http|postgres] [--json]
      Run scenario files (see shared/spec/scenarios.md). Exit 0 all passed, 1 an expect failed,
      2 a file is not a valid scenario.
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
