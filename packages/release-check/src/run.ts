// Runs a command the way a user would type it, with a progress line on stderr when it starts,
// every 30 s while it runs (installs take minutes) and when it ends.
import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const progress = (line: string) => process.stderr.write(`[release-check] ${line}\n`);

/** Runs `command args` and resolves with its output; rejects, with the output's tail, unless it exits 0. */
export async function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const result = await runUnchecked(command, args, options);
  if (result.code !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`\`${[command, ...args].join(' ')}\` exited ${result.code} in ${options.cwd}:\n${tail}`);
  }
  return result;
}

export function runUnchecked(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const shown = [command, ...args].join(' ').slice(0, 200);
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  progress(`$ ${shown}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const beat = setInterval(() => progress(`  ... still running after ${seconds()} s: ${shown}`), 30_000);
    const timer = setTimeout(() => {
      progress(`  timed out after ${seconds()} s, stopping: ${shown}`);
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearInterval(beat);
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(beat);
      clearTimeout(timer);
      progress(`  exit ${code} after ${seconds()} s`);
      resolve({ code, stdout, stderr });
    });
  });
}
