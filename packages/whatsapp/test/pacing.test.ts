// One rate budget per number, shared fairly between the services of the channel, on an injected
// clock: sends are counted per simulated second, never timed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, createRateBudget, FairQueue, TokenBucket, type FairOutboxStore } from '../src';
import { createGraphMock } from './support/graphMock';
import { N2, PNID2, drive, outboxWorld } from './support/outboxWorld';
import { N1, PNID } from './support/world';

let clockNow = () => Date.now();
const stamped = createGraphMock(() => clockNow());
beforeAll(() => stamped.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => stamped.reset());
afterAll(() => stamped.server.close());

const perSecond = (times: number[], start: number) => {
  const counts: number[] = [];
  for (const t of times) counts[Math.floor((t - start) / 1000)] = (counts[Math.floor((t - start) / 1000)] ?? 0) + 1;
  return [...counts].map((c) => c ?? 0);
};

describe('token bucket and fair queue', () => {
  it('a bucket with burst 1 yields exactly `rate` tokens each second (80/s, 1,000/s, 3/s), never more in any sliding second', () => {
    for (const rate of [80, 1000, 3]) {
      const bucket = new TokenBucket(rate, 1, 0);
      const times: number[] = [];
      for (let now = 0; now < 3000; now = bucket.nextAt(now)) if (bucket.take(now)) times.push(now);
      expect(perSecond(times, 0), String(rate)).toEqual([rate, rate, rate]);
      const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
      expect(busiest, String(rate)).toBe(rate);
    }
    const bucket = new TokenBucket(80, 1, 0);
    expect([0, 13, 25, 38, 50].map((t) => bucket.take(t))).toEqual([true, true, true, true, true]);
    expect(bucket.take(51)).toBe(false);
  });

  it('the fair queue takes services in turn and keeps each one in order', () => {
    const queue = new FairQueue<string>();
    ['a1', 'a2', 'a3', 'a4'].forEach((x) => {
      queue.push('a', x);
    });
    ['b1', 'b2'].forEach((x) => {
      queue.push('b', x);
    });
    queue.push('c', 'c1');
    const order = Array.from({ length: 7 }, () => queue.next());
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
    expect(queue.next()).toBeUndefined();
  });

  it('a budget is 80/s by default, configurable per number up to 1,000', () => {
    const clock = createManualClock({ start: 0 });
    const budget = createRateBudget({ rates: { [N2]: 1000 } }, clock);
    expect([budget.rateOf(N1), budget.rateOf(N2)]).toEqual([80, 1000]);
    clock.advance(5000); // idle: 80/s keeps one token (evenly spaced), 1,000/s keeps 20 (absorbs timer lateness)
    const burstOf = (n: string) => {
      let k = 0;
      while (budget.take(n)) k++;
      return k;
    };
    expect([burstOf(N1), burstOf(N2)]).toEqual([1, 20]);
    expect(() => createRateBudget({ rate: 1001 })).toThrow(/1,000/);
  });
});

describe('the outbox worker paces each number and shares it fairly', () => {
  it('budget respected: 30 replies at 5/s go out 5 in each simulated second, on each number independently', async () => {
    const world = outboxWorld(stamped);
    clockNow = () => world.clock.now();
    world.enqueue(30, 'crm', N1);
    world.enqueue(30, 'crm', N2);
    const worker = world.worker({ budget: { rate: 5 } });
    const start = world.clock.now();
    await drive(world, worker, () => worker.counters.sent === 60);
    expect(worker.counters).toMatchObject({ sent: 60, failed: 0, retried: 0 });
    for (const pnid of [PNID, PNID2]) {
      expect(
        perSecond(
          stamped.calls.filter((c) => c.phoneNumberId === pnid).map((c) => c.at),
          start,
        ),
        pnid,
      ).toEqual([5, 5, 5, 5, 5, 5]);
    }
  });

  it('fairness under load: a flooding service does not starve another on the same number', async () => {
    const world = outboxWorld(stamped);
    clockNow = () => world.clock.now();
    world.enqueue(100, 'desk'); // desk floods first
    world.enqueue(10, 'crm');
    const worker = world.worker({ budget: { rate: 10 }, lookahead: 200 });
    await drive(world, worker, () => worker.counters.sent >= 20);
    const services = world
      .sentBy()
      .slice(0, 20)
      .map((d) => d.service);
    expect(services.filter((s) => s === 'crm')).toHaveLength(10); // all of crm's within its fair half
    expect(services).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'desk' : 'crm')));
  });

  it('with claimFair, a flood larger than the look-ahead window still cannot starve another service', async () => {
    const world = outboxWorld(stamped);
    clockNow = () => world.clock.now();
    world.enqueue(300, 'desk');
    world.enqueue(5, 'crm');
    const worker = world.worker({ budget: { rate: 10 }, lookahead: 20 });
    await drive(world, worker, () => worker.counters.sent >= 10);
    expect(
      world
        .sentBy()
        .slice(0, 10)
        .filter((d) => d.service === 'crm'),
    ).toHaveLength(5);
  });

  it('without claimFair, fairness holds within the look-ahead window only (why stores should offer it)', async () => {
    const world = outboxWorld(stamped);
    clockNow = () => world.clock.now();
    world.enqueue(300, 'desk');
    world.enqueue(5, 'crm');
    const { claim, complete, fail, findByProviderId } = world.outbox;
    const plain: FairOutboxStore = { claim, complete, fail, findByProviderId };
    const worker = world.worker({ outbox: plain, budget: { rate: 10 }, lookahead: 20 });
    await drive(world, worker, () => worker.counters.sent >= 10);
    expect(
      world
        .sentBy()
        .slice(0, 10)
        .filter((d) => d.service === 'crm'),
    ).toHaveLength(0);
  });
});
