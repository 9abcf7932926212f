// A clock that moves only when told to: for tests and simulations. `sleep` either waits for
// `advance`/`set` (default) or, with `auto`, jumps virtual time forward at once and records it.
import type { Clock } from './clock';

export interface ManualClock extends Clock {
  /** Moves time to `at` (ms), waking every sleeper due by then, earliest first. */
  set(at: number | string | Date): void;
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
  /** Every sleep asked for, in ms, in order (to check backoff without timing). */
  readonly slept: readonly number[];
  /** How many sleepers are waiting. */
  readonly waiting: number;
}

const toMs = (at: number | string | Date): number => (typeof at === 'number' ? at : new Date(at).getTime());

export function createManualClock(options: { start?: number | string | Date; auto?: boolean } = {}): ManualClock {
  let now = toMs(options.start ?? '2025-01-01T00:00:00.000Z');
  const slept: number[] = [];
  let sleepers: { at: number; wake: () => void }[] = [];

  function set(at: number | string | Date) {
    const target = toMs(at);
    if (target < now) throw new RangeError('a manual clock never goes back');
    const due = sleepers.filter((s) => s.at <= target).sort((a, b) => a.at - b.at);
    sleepers = sleepers.filter((s) => s.at > target);
    now = target;
    due.forEach((s) => {
      s.wake();
    });
  }

  return {
    now: () => now,
    sleep(ms, signal) {
      const wait = Math.max(0, ms);
      slept.push(wait);
      if (options.auto) {
        now += wait;
        return new Promise<void>((resolve) => setImmediate(resolve)); // yield, as a real timer would
      }
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const sleeper = { at: now + wait, wake: resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers = sleepers.filter((s) => s !== sleeper);
            resolve();
          },
          { once: true },
        );
      });
    },
    set,
    advance: (ms) => set(now + ms),
    get slept() {
      return slept;
    },
    get waiting() {
      return sleepers.length;
    },
  };
}
