// The `onenumber` command line: `--version`, `--help`, and dispatch to a command (commandLine/).
// Exit 2 with the usage on stderr for anything it does not understand.
import { version } from '../package.json';
import type { Io } from './commands/scenario';
import { commands } from './commandLine/commands';
import { parseCommand } from './commandLine/parse';
import { commandUsage, generalUsage } from './commandLine/usage';

export const usage = generalUsage(commands);

/** The version of @onenumber/cli (its package.json, bundled at build time). */
export const cliVersion: string = version;

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(`onenumber: name a command.\n\n${usage.trimEnd()}`);
    return 2;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${cliVersion}\n`);
    return 0;
  }
  if (command === '--help' || command === '-h') {
    io.out(usage);
    return 0;
  }
  if (command === 'help') return help(rest, io);
  const spec = commands.find((c) => c.name === command);
  if (!spec) {
    const what = command.startsWith('-') ? `unknown option "${command}"` : `unknown command "${command}"`;
    io.err(`onenumber: ${what}.\n\n${usage.trimEnd()}`);
    return 2;
  }
  const parsed = parseCommand(spec, rest);
  if (parsed.kind === 'help') {
    io.out(commandUsage(spec));
    return 0;
  }
  if (parsed.kind === 'usage-error') {
    io.err(`onenumber ${spec.name}: ${parsed.message}\n\n${commandUsage(spec).trimEnd()}`);
    return 2;
  }
  return spec.run(parsed.values, parsed.positionals, io);
}

/** `onenumber help [COMMAND]`. */
function help(args: string[], io: Io): number {
  const [name, ...more] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(usage);
    return 0;
  }
  const spec = commands.find((c) => c.name === name);
  if (!spec || more.length) {
    io.err(`onenumber help: ${spec ? 'name one command' : `unknown command "${name}"`}.\n\n${usage.trimEnd()}`);
    return 2;
  }
  io.out(commandUsage(spec));
  return 0;
}
