// One rate budget per number across replicas (issue 10): three workers' budgets sharing one store
// never send more than the number's rate in any second, where three private budgets send three
// times as much; a failing store holds sends back (counted) and is asked again; unspent grants lapse.
import { describe, expect, it } from 'vitest';
import {
  createManualClock,
  createMemorySendBudget,
  createRateBudget,
  createSharedRateBudget,
  type RateBudget,
} from '../src';

const number = '+81312345678';
const flush = async () => {
  for (let i = 0; i < 4; i++) await Promise.resolve();
};

/** Drives replicas with an endless backlog for `ms` of virtual time, 1 ms a step; returns each send's time. */
async function drive(
  budgets: RateBudget[],
  clock: ReturnType<typeof createManualClock>,
  ms: number,
): Promise<number[]> {
  const sends: number[] = [];
  for (let t = 0; t < ms; t++) {
    for (const budget of budgets) while (budget.take(number, 1000)) sends.push(clock.now());
    await flush();
    clock.advance(1);
  }
  return sends;
}

const busiestSecond = (sends: number[]) => {
  let most = 0;
  for (let i = 0, j = 0; j < sends.length; j++) {
    while (sends[j]! - sends[i]! >= 1000) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
};

describe('createSharedRateBudget', () => {
  it('three replicas on one store send at most rate + burst - 1 in any second, and keep sending', async () => {
    const clock = createManualClock({ start: 0 });
    const store = createMemorySendBudget(clock);
    const replicas = [1, 2, 3].map(() => createSharedRateBudget({ rate: 80 }, store, clock));
    const sends = await drive(replicas, clock, 3000);
    expect(busiestSecond(sends)).toBeLessThanOrEqual(80);
    expect(sends.length).toBeGreaterThanOrEqual(3 * 80 - 3);
  });

  it('where three private budgets (one per replica) send three times the rate', async () => {
    const clock = createManualClock({ start: 0 });
    const replicas = [1, 2, 3].map(() => createRateBudget({ rate: 80 }, clock));
    expect(busiestSecond(await drive(replicas, clock, 3000))).toBeGreaterThan(200);
  });

  it('holds sends back while the store fails, counts it, and asks again after errorRetryMs', async () => {
    const clock = createManualClock({ start: 0 });
    let failing = true;
    const memory = createMemorySendBudget(clock);
    const budget = createSharedRateBudget(
      { rate: 10, errorRetryMs: 50 },
      {
        reserve: (input) => (failing ? Promise.reject(new Error('database down')) : memory.reserve(input)),
      },
      clock,
    );
    expect(budget.take(number)).toBe(false);
    await flush();
    expect(budget.errors).toBe(1);
    expect(budget.nextAt(number)).toBe(50);
    expect(budget.take(number)).toBe(false); // too early to ask again
    await flush();
    expect(budget.errors).toBe(1);
    failing = false;
    clock.advance(50);
    expect(budget.take(number)).toBe(false); // asks now
    await flush();
    expect(budget.take(number)).toBe(true);
  });

  it('lets unspent granted sends lapse after sliceMs, so a replica cannot save them up', async () => {
    const clock = createManualClock({ start: 0 });
    const budget = createSharedRateBudget({ rate: 1000, sliceMs: 10 }, createMemorySendBudget(clock), clock);
    budget.take(number, 5);
    await flush();
    expect(budget.take(number)).toBe(true);
    clock.advance(10);
    expect(budget.take(number)).toBe(false);
    expect(budget.nextAt(number)).toBe(clock.now() + 2); // asking again
  });

  it('refuses bad options with INVALID_INPUT naming the field', () => {
    expect(() => createSharedRateBudget({ rate: 5000 }, createMemorySendBudget())).toThrow(/rate/);
    expect(() => createSharedRateBudget({ sliceMs: 0 }, createMemorySendBudget())).toThrow(/sliceMs/);
  });
});
