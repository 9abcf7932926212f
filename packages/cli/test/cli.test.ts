// The command line's manners through the real `onenumber` binary: --version, --help for onenumber
// and for every command (usage, one line per option, an example, exit 0), and exit 2 with the
// usage for an unknown option, a bad value or an unknown command.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';
import { commands } from '../src/commandLine/commands';

const run = promisify(execFile);
const bin = resolve(__dirname, '../dist/bin.js');
const { version } = JSON.parse(readFileSync(resolve(__dirname, '../package.json'), 'utf8')) as { version: string };

async function onenumber(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** runCli in this process, for the cases that need no command to actually run. */
async function inProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

const names = commands.map((c) => c.name);

describe('onenumber --version', () => {
  it.each(['--version', '-v'])(
    '%s prints the package version and exits 0',
    async (flag) => {
      const { code, stdout, stderr } = await onenumber(flag);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(version);
      expect(stderr).toBe('');
    },
    60_000,
  );
});

describe('onenumber --help', () => {
  it.each([['--help'], ['-h'], ['help']])(
    '%s lists every command with an example, exit 0',
    async (flag) => {
      const { code, stdout, stderr } = await onenumber(flag);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('Usage: onenumber <command>');
      expect(stdout).toContain('Examples:');
      for (const name of names) expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
      expect(stdout).toContain('docs/scenarios.md');
    },
    60_000,
  );

  it.each(
    names.flatMap((name) => [
      [name, '--help'],
      [name, '-h'],
      ['help', name],
    ]),
  )(
    'onenumber %s %s prints its usage, every option with a description, an example; exit 0',
    async (...args) => {
      const command = args[0] === 'help' ? args[1] : args[0];
      const spec = commands.find((c) => c.name === command)!;
      const { code, stdout, stderr } = await onenumber(...args);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: onenumber ${command}`);
      expect(stdout).toContain('Examples:');
      expect(stdout).toMatch(new RegExp(`^  onenumber ${command}\\b|^  \\S+=\\S+ onenumber ${command}\\b`, 'm'));
      for (const option of [...Object.keys(spec.options), 'help']) {
        expect(stdout).toMatch(new RegExp(`--${option}\\b[^\\n]*\\s{3}\\S[^\\n]+`));
      }
    },
    60_000,
  );

  it('--help wins over other arguments, even ones that would be mistakes', async () => {
    const { code, stdout } = await inProcess('serve', '--port', 'nope', '--nosuch', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: onenumber serve');
  });
});

describe('mistakes: exit 2, what was wrong, and the usage on stderr', () => {
  it.each(names)(
    'onenumber %s --nosuch names the option and prints that command’s usage',
    async (name) => {
      const { code, stdout, stderr } = await onenumber(name, '--nosuch');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`onenumber ${name}: unknown option "--nosuch".`);
      expect(stderr).toContain(`Usage: onenumber ${name}`);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
    60_000,
  );

  it('a short unknown option, a missing value, a value to a flag, an extra argument', async () => {
    expect((await inProcess('scenario', '-x', 'a.json')).stderr).toContain('unknown option "-x"');
    const missing = await inProcess('scenario', 'a.json', '--storage');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('option "--storage" needs a value, as in --storage KIND.');
    expect((await inProcess('scenario', 'a.json', '--json=yes')).stderr).toContain('"--json" takes no value');
    const extra = await inProcess('migrate', 'now');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "now": migrate takes options only.');
    expect(extra.stderr).toContain('Usage: onenumber migrate');
  });

  it('an unknown command, or none, prints the general usage; exit 2', async () => {
    const unknown = await onenumber('sceanrio', 'a.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('onenumber: unknown command "sceanrio".');
    expect(unknown.stderr).toContain('Usage: onenumber <command>');
    const none = await inProcess();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: onenumber <command>');
    expect((await inProcess('--nosuch')).stderr).toContain('unknown option "--nosuch"');
    expect((await inProcess('help', 'nosuch')).code).toBe(2);
  }, 60_000);

  it('a scenario run without a file says what to type', async () => {
    const { code, stderr } = await inProcess('scenario');
    expect(code).toBe(2);
    expect(stderr).toContain('onenumber scenario examples/scenarios/*.json');
  });
});
