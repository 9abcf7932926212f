// The usage texts of `onenumber` and of each command, built from the command specs (spec.ts).
import { helpOption, scenarioDoc, type CommandSpec, type OptionSpec } from './spec';

/** Rows of two columns, the first padded so that the second lines up. */
function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}   ${right}`);
}

function optionRow(name: string, option: OptionSpec): [string, string] {
  const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.value ? ` ${option.value}` : ''}`;
  return [flag, option.description];
}

export function commandUsage(spec: CommandSpec): string {
  const options = Object.entries({ ...spec.options, help: helpOption });
  return [
    `Usage: onenumber ${spec.name} ${spec.synopsis}`,
    '',
    spec.summary,
    '',
    ...spec.details,
    '',
    ...(spec.positionals ? ['Arguments:', ...table([[spec.positionals.name, spec.positionals.description]]), ''] : []),
    'Options:',
    ...table(options.map(([name, option]) => optionRow(name, option))),
    '',
    'Examples:',
    ...spec.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}

export function generalUsage(commands: readonly CommandSpec[]): string {
  return [
    'onenumber: share one WhatsApp Business number between services.',
    '',
    'Usage: onenumber <command> [options]',
    '',
    'Commands:',
    ...table([
      ...commands.map((c): [string, string] => [c.name, c.summary]),
      ['help [COMMAND]', 'Print this help, or the help of COMMAND.'],
    ]),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'Print this help and exit.'],
      ['-v, --version', 'Print the version of onenumber and exit.'],
    ]),
    '',
    'Examples:',
    '  onenumber scenario examples/scenarios/*.json',
    '  onenumber serve --db ./onenumber.db',
    '  onenumber serve --help',
    '',
    'Run "onenumber <command> --help" for the options of a command.',
    `Scenario files: ${scenarioDoc}.`,
    '',
  ].join('\n');
}
