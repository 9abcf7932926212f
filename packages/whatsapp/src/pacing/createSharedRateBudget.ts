// One rate budget per number for several server replicas (issue 10): WhatsApp's limit is the
// number's, not a process's. The budget itself lives in a store the replicas share (a token
// bucket per number in the database, on the database's clock); a replica reserves only as many
// sends as it has waiting, spends them at once, and lets what it did not spend lapse after
// `sliceMs`. So whatever the number of replicas, a number sends at most `rate + burst - 1` in any
// second of the store's clock, plus what a reservation granted within the last `sliceMs`.
import { parseInput } from '@onenumber/core/schemas';
import { z } from 'zod';
import { systemClock, type Clock } from '../time/clock';
import { rateBudgetOptionsSchema, type RateBudget, type RateBudgetOptions } from './createRateBudget';

/** The shared side: grants up to `want` sends of the number's budget now (0 when it has none). */
export interface SendBudgetStore {
  reserve(input: { number: string; want: number; rate: number; burst: number }): Promise<number>;
}

const sharedOptionsSchema = z
  .object({
    /** Unspent granted sends lapse after this long (default 100 ms). */
    sliceMs: z.number().int().min(1).max(1000).default(100),
    /** How long to wait before asking again after the store failed (default 100 ms). */
    errorRetryMs: z.number().int().min(1).max(60_000).default(100),
  })
  .strict();

interface Allowance {
  tokens: number;
  until: number;
  asking: boolean;
  retryAt: number;
}

export function createSharedRateBudget(
  options: RateBudgetOptions & z.input<typeof sharedOptionsSchema>,
  store: SendBudgetStore,
  clock: Clock = systemClock,
): RateBudget & { readonly errors: number } {
  const { sliceMs, errorRetryMs, ...budget } = options;
  const { rate, rates, burst } = parseInput(rateBudgetOptionsSchema, budget, 'budget');
  const shared = parseInput(sharedOptionsSchema, { sliceMs, errorRetryMs }, 'budget');
  const rateOf = (number: string) => rates[number] ?? rate;
  const burstOf = (number: string) => burst ?? Math.max(1, Math.floor(rateOf(number) / 50));
  const allowances = new Map<string, Allowance>();
  let errors = 0;

  const allowanceOf = (number: string) => {
    let a = allowances.get(number);
    if (!a) allowances.set(number, (a = { tokens: 0, until: 0, asking: false, retryAt: 0 }));
    return a;
  };

  function ask(number: string, a: Allowance, waiting: number) {
    a.asking = true;
    const r = rateOf(number);
    const b = burstOf(number);
    const want = Math.max(1, Math.min(waiting, b + r - 1));
    store
      .reserve({ number, want, rate: r, burst: b })
      .then(
        (granted) => {
          a.tokens = granted;
          a.until = clock.now() + shared.sliceMs;
          // Nothing left: the next token accrues in about 1000 / rate ms.
          a.retryAt = granted > 0 ? 0 : clock.now() + Math.max(1, Math.floor(1000 / r));
        },
        () => {
          errors++;
          a.retryAt = clock.now() + shared.errorRetryMs;
        },
      )
      .finally(() => {
        a.asking = false;
      });
  }

  return {
    take(number, waiting = 1) {
      const a = allowanceOf(number);
      const now = clock.now();
      if (a.tokens > 0 && now < a.until) {
        a.tokens--;
        return true;
      }
      a.tokens = 0;
      if (!a.asking && now >= a.retryAt) ask(number, a, waiting);
      return false;
    },
    nextAt(number) {
      const a = allowanceOf(number);
      const now = clock.now();
      if (a.tokens > 0 && now < a.until) return now;
      // A reservation in flight answers within a round trip: look again shortly.
      return a.asking ? now + 2 : Math.max(now, a.retryAt);
    },
    rateOf,
    get errors() {
      return errors;
    },
  };
}

/** The store in one process (tests, and to see the shared budget's behaviour without a database). */
export function createMemorySendBudget(clock: Clock = systemClock): SendBudgetStore {
  const buckets = new Map<string, { credit: number; at: number }>();
  return {
    async reserve({ number, want, rate, burst }) {
      const now = Math.floor(clock.now());
      const cap = burst * 1000 + rate - 1;
      const b = buckets.get(number) ?? { credit: burst * 1000, at: now };
      const credit = Math.min(cap, b.credit + Math.max(0, now - b.at) * rate);
      const granted = Math.min(want, Math.floor(credit / 1000));
      buckets.set(number, { credit: credit - granted * 1000, at: Math.max(b.at, now) });
      return granted;
    },
  };
}
