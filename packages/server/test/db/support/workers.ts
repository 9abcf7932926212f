// Starts worker processes on one database file and calls them over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { workerScript } from './buildDb';

export interface Reply<T = unknown> {
  ok: boolean;
  result?: T;
  code?: string;
  message?: string;
}

export class Worker {
  #pending = new Map<number, (reply: Reply) => void>();
  #next = 0;
  readonly ready: Promise<void>;

  constructor(readonly child: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
      child.on('message', (message: { ready?: boolean; id?: number } & Reply) => {
        if (message.ready) return resolve();
        this.#pending.get(message.id!)?.(message);
        this.#pending.delete(message.id!);
      });
    });
  }

  call<T>(op: string, input?: unknown): Promise<Reply<T>> {
    const id = ++this.#next;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve as (reply: Reply) => void);
      this.child.send({ id, op, input });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.call('close');
    await exited;
  }
}

/** Forks `count` workers on `file`, all opening it at the same moment. */
export async function startWorkers(modulePath: string, file: string, count: number): Promise<Worker[]> {
  const workers = Array.from(
    { length: count },
    () => new Worker(fork(workerScript, [modulePath, file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })),
  );
  await Promise.all(workers.map((w) => w.ready));
  return workers;
}
