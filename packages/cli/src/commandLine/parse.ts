// Parses a command's arguments with Node's util.parseArgs (strict) against its spec: a request for
// help wins over everything else, an unknown option is named as typed, any other mistake keeps
// Node's wording; the caller prints the command's usage with it (exit 2).
import { parseArgs } from 'node:util';
import { helpOption, type CommandSpec, type OptionValues } from './spec';

export type ParseResult =
  | { kind: 'help' }
  | { kind: 'run'; values: OptionValues; positionals: string[] }
  | { kind: 'usage-error'; message: string };

type ParseOptions = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

function parseOptions(spec: CommandSpec): ParseOptions {
  const options: ParseOptions = {};
  for (const [name, option] of Object.entries({ ...spec.options, help: helpOption })) {
    options[name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.default !== undefined ? { default: option.default } : {}),
    };
  }
  return options;
}

export function parseCommand(spec: CommandSpec, args: string[]): ParseResult {
  const options = parseOptions(spec);
  // A loose pass first: `--help` anywhere before `--`, and the unknown options as the person typed them.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { kind: 'help' };
  const unknown = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(options, t.name));
  if (unknown?.kind === 'option') {
    return { kind: 'usage-error', message: `unknown option "${unknown.rawName}".` };
  }
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: !!spec.positionals });
    return { kind: 'run', values: values as OptionValues, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const extra = positionalsOf(tokens)[0] ?? '';
      return { kind: 'usage-error', message: `unexpected argument "${extra}": ${spec.name} takes options only.` };
    }
    return { kind: 'usage-error', message: reword((error as Error).message, spec) };
  }
}

/** Node's wording of a value mistake, said as what to type instead. */
function reword(message: string, spec: CommandSpec): string {
  const missing = /^Option '(?:-\w, )?--([\w-]+) <value>' argument missing/.exec(message);
  if (missing) {
    const name = missing[1]!;
    return `option "--${name}" needs a value, as in --${name} ${spec.options[name]?.value ?? 'VALUE'}.`;
  }
  const flag = /^Option '(?:-\w, )?--([\w-]+)' does not take an argument/.exec(message);
  if (flag) return `option "--${flag[1]}" takes no value; give it alone.`;
  return `${message.replace(/\s*\n\s*/g, ' ').replace(/\.?$/, '.')}`;
}

function positionalsOf(tokens: ReturnType<typeof parseArgs>['tokens']): string[] {
  return (tokens ?? []).flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
}
