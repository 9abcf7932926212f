// Pacing per customer shared by workers (issue 19): two workers on one outbox, each with its own
// SharedCustomerPacer over one PairPacingStore (the memory one here; the server's is its
// database), send 9 replies to one customer no faster than the pair allows (3 at once, then one
// per 6 s), on the manual clock with the Graph API on msw. A store that fails delays, never sends.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPairPacing, SharedCustomerPacer, type PairPacingStore } from '../src';
import { createGraphMock } from './support/graphMock';
import { outboxWorld } from './support/outboxWorld';
import { N1 } from './support/world';

let clockNow = () => Date.now();
const graph = createGraphMock(() => clockNow());
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => graph.server.close());

const taro = '+819012345678';
const pacing = { intervalMs: 6000, burst: 3 };
const settle = () => new Promise((resolve) => setTimeout(resolve, 1)); // the store's answers (no clock moves)

describe('SharedCustomerPacer', () => {
  it('two workers sharing one store: 9 replies to one customer, never more than 3 in any 6 s', async () => {
    const w = outboxWorld(graph);
    clockNow = () => w.clock.now();
    for (let i = 0; i < 9; i++)
      w.outbox.enqueue({
        id: `r${i}`,
        org: 'acme',
        number: N1,
        customer: taro,
        service: i % 2 ? 'desk' : 'crm',
        type: 'text',
        text: `reply ${i}`,
        raw: null,
        at: new Date(w.clock.now()).toISOString(),
      });
    const store = createMemoryPairPacing();
    const workers = [1, 2].map(() => w.worker({ perCustomer: pacing, pairPacing: store, lookahead: 2 }));
    for (let step = 0; step < 200 && graph.calls.length < 9; step++) {
      for (const worker of workers) await worker.tick();
      await settle();
      for (const worker of workers) await worker.tick();
      w.clock.advance(500);
    }
    const at = graph.calls.map((c) => c.at).sort((a, b) => a - b);
    expect(at).toHaveLength(9);
    expect(workers.every((worker) => worker.counters.sent > 0)).toBe(true);
    for (const t of at) expect(at.filter((u) => u >= t && u < t + pacing.intervalMs).length).toBeLessThanOrEqual(3);
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(6 * pacing.intervalMs);
  });

  it('a store that fails grants nothing: the pair waits and is asked again later', async () => {
    let asked = 0;
    const failing: PairPacingStore = {
      reserve: async () => {
        asked++;
        throw new Error('database down');
      },
    };
    let now = 1_000_000;
    const pacer = new SharedCustomerPacer({ ...pacing, errorRetryMs: 500 }, failing, {
      now: () => now,
      sleep: async () => {},
    });
    const pair = `${N1}\u0000${taro}`;
    expect(pacer.readyAt(pair, now)).toBeGreaterThan(now);
    await settle();
    expect([asked, pacer.errors]).toEqual([1, 1]);
    expect(pacer.readyAt(pair, now)).toBe(now + 500);
    now += 500;
    expect(pacer.readyAt(pair, now)).toBeGreaterThan(now);
    await settle();
    expect(asked).toBe(2);
  });
});
