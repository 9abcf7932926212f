// What a command of the `onenumber` command line declares: its options (each with a one-line
// description), its arguments, examples, and how it runs once its arguments are parsed. The usage
// text (usage.ts) and the parser (parse.ts) are both derived from it, so they cannot disagree.
import type { Io } from '../commands/scenario';

export { scenarioDoc } from '../scenario/schema';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  /** How the value is shown in the usage, e.g. PORT; string options only. */
  value?: string;
  /** One line. */
  description: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandSpec {
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** What follows `onenumber <name>` in the usage line, e.g. `FILE... [options]`. */
  synopsis: string;
  /** A few lines on what the command does, its exit status, where to read more. */
  details: string[];
  /** When set, the command takes positional arguments, described by this line. */
  positionals?: { name: string; description: string };
  options: Record<string, OptionSpec>;
  /** Whole command lines, at least one. */
  examples: string[];
  run(values: OptionValues, positionals: string[], io: Io): Promise<number>;
}

/** Added to every command (and to `onenumber` itself). */
export const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'Print this help and exit.' };
