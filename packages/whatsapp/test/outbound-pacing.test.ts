// Pacing per customer and WhatsApp's limits (Meta's Cloud API docs, "Pair rate limits",
// "Throughput"), on the manual clock with the Graph API on msw (calls stamped with that clock): a
// burst to one customer is spread out (about one per 6 s after a small burst) while other
// customers and other services go on; 131056 and 130429 are retried after their documented wait
// (jitter only adding, a Retry-After hint honoured), never counted as failures.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeCallbackData } from '../src';
import { createGraphMock, graphError } from './support/graphMock';
import { drive, outboxWorld } from './support/outboxWorld';
import { N1 } from './support/world';

let clockNow = () => Date.now();
const graph = createGraphMock(() => clockNow());
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => graph.server.close());

const taro = '+819012345678';
const hanako = '+819011112222';

function world() {
  const w = outboxWorld(graph);
  clockNow = () => w.clock.now();
  const start = w.clock.now();
  return {
    ...w,
    /** Queues one text reply. */
    queue(id: string, customer: string, service = 'crm') {
      w.outbox.enqueue({
        id,
        org: 'acme',
        number: N1,
        customer,
        service,
        type: 'text',
        text: `${id} text`,
        raw: null,
        at: new Date(w.clock.now()).toISOString(),
      });
      return id;
    },
    /** Each call to `customer` (wa_id digits): [message id, ms since the start]. */
    callsTo: (customer: string) =>
      graph.calls
        .filter((c) => c.body.to === customer.slice(1))
        .map((c) => [decodeCallbackData(c.body.biz_opaque_callback_data as string)!.message, c.at - start] as const),
    start,
  };
}

const within = (ms: number, from: number, slack = 100) => ms >= from && ms < from + slack;

describe("R16: pacing per customer (Meta's pair rate: about one message per 6 s)", () => {
  it("a burst of 6 replies to one customer: 3 at once, then one every 6 s, in order; another customer's and another service's replies are not held back", async () => {
    const w = world();
    const mine = Array.from({ length: 6 }, (_, i) => w.queue(`crm-taro-${i}`, taro));
    const others = [w.queue('crm-hanako-0', hanako), w.queue('desk-hanako-1', hanako, 'desk')];
    const worker = w.worker();
    await drive(w, worker, () => worker.counters.sent === 8, 60_000);

    const toTaro = w.callsTo(taro);
    expect(toTaro.map(([id]) => id)).toEqual(mine);
    const times = toTaro.map(([, at]) => at);
    expect(times.slice(0, 3).every((t) => within(t, 0))).toBe(true);
    expect([within(times[3]!, 6000), within(times[4]!, 12_000), within(times[5]!, 18_000)]).toEqual([true, true, true]);
    const toHanako = w.callsTo(hanako);
    expect(toHanako.map(([id]) => id).sort()).toEqual([...others].sort());
    expect(toHanako.every(([, at]) => within(at, 0))).toBe(true);
    expect(worker.counters).toMatchObject({ sent: 8, failed: 0, retried: 0 });
  });

  it('never two sends to one customer at once, so WhatsApp gets them in order', async () => {
    const w = world();
    const ids = Array.from({ length: 3 }, (_, i) => w.queue(`r${i}`, taro));
    const worker = w.worker();
    const first = await worker.tick();
    expect(first).toMatchObject({ claimed: 3, dispatched: 1, queued: 2 });
    expect(first.nextWakeAt - w.clock.now()).toBeLessThan(100); // the next one goes once this one is done
    await drive(w, worker, () => worker.counters.sent === 3);
    expect(w.callsTo(taro).map(([id]) => id)).toEqual(ids);
  });

  it('configurable: { intervalMs: 1000, burst: 1 } spaces every send by 1 s; `false` paces nothing but the number', async () => {
    const paced = world();
    for (let i = 0; i < 4; i++) paced.queue(`p${i}`, taro);
    const slow = paced.worker({ perCustomer: { intervalMs: 1000, burst: 1 } });
    await drive(paced, slow, () => slow.counters.sent === 4);
    const spaced = paced.callsTo(taro).map(([, at]) => at);
    expect(spaced.map((t, i) => within(t, i * 1000))).toEqual([true, true, true, true]);

    graph.reset();
    const free = world();
    for (let i = 0; i < 10; i++) free.queue(`f${i}`, taro);
    const fast = free.worker({ perCustomer: false });
    await drive(free, fast, () => fast.counters.sent === 10);
    expect(free.callsTo(taro).every(([, at]) => at < 1000)).toBe(true);
  });

  it('refuses a pacing that is not one (INVALID_INPUT naming the field)', () => {
    const w = world();
    expect(() => w.worker({ perCustomer: { intervalMs: 0, burst: 3 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'perCustomer.intervalMs' }),
    );
  });
});

describe('R16: 131056 and 130429 are retried after the documented wait, never failed', () => {
  it("131056: retried after 1 s, then 4 s (jitter only adding), past maxAttempts; that customer's next reply waits, another customer's does not", async () => {
    const w = world();
    const [first, second] = [w.queue('taro-1', taro), w.queue('taro-2', taro)];
    graph.answerWhen((call) => call.body.to === taro.slice(1), graphError(131056), 2);
    const worker = w.worker({ maxAttempts: 2 });
    await worker.tick(); // taro-1 refused: pair rate
    w.queue('hanako-1', hanako);
    await drive(w, worker, () => worker.counters.sent === 3, 60_000);

    const toTaro = w.callsTo(taro);
    expect(toTaro.map(([id]) => id)).toEqual([first, first, first, second]);
    const [t0, t1, t2, t3] = toTaro.map(([, at]) => at) as [number, number, number, number];
    expect(t1 - t0).toBeGreaterThanOrEqual(1000);
    expect(t1 - t0).toBeLessThan(1250 + 50);
    expect(t2 - t1).toBeGreaterThanOrEqual(4000);
    expect(t2 - t1).toBeLessThan(5000 + 50);
    expect(t3).toBeGreaterThanOrEqual(t2);
    expect(w.callsTo(hanako)[0]![1]).toBeLessThan(t1); // not held back by taro's wait
    expect(worker.counters).toMatchObject({ sent: 3, retried: 2, failed: 0, repeatsSuspected: 0 });
    expect(worker.limits).toMatchObject({ pairRate: 2, throughput: 0, held: 0 });
  });

  it('130429: retried after 1 s or more and the whole number waits with it (its throughput is spent); a longer Retry-After is honoured', async () => {
    const w = world();
    const first = w.queue('taro-1', taro);
    graph.answer(graphError(130429, { retryAfter: '30' }));
    const worker = w.worker({ maxAttempts: 1 });
    await worker.tick();
    const row = w.outbox.rows().find((r) => r.item.id === first)!;
    expect(row).toMatchObject({ state: 'pending', lastError: { code: 130429 } });
    expect(row.dueAt - w.clock.now()).toBeGreaterThanOrEqual(30_000);
    w.queue('hanako-1', hanako);
    await drive(w, worker, () => worker.counters.sent === 2, 120_000);
    const hanakoAt = w.callsTo(hanako)[0]![1];
    expect(hanakoAt).toBeGreaterThanOrEqual(30_000);
    expect(worker.counters).toMatchObject({ sent: 2, retried: 1, failed: 0 });
    expect(worker.limits).toMatchObject({ throughput: 1 });

    graph.reset();
    const v = world();
    v.queue('again', taro);
    graph.answer(graphError(130429));
    const other = v.worker();
    await other.tick();
    const wait = v.outbox.rows()[0]!.dueAt - v.clock.now();
    expect(wait).toBeGreaterThanOrEqual(1000);
    expect(wait).toBeLessThan(1250);
  });
});
