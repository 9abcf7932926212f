// The outbox worker over the memory outbox and the Graph API on msw: a reply accepted before a
// crash is sent after it; once `complete` is recorded it is never sent again; repeats are counted.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createManualClock,
  createOutboxWorker,
  decodeCallbackData,
  systemClock,
  type ClaimedItem,
  type FairOutboxStore,
} from '../src';
import { createGraphMock, graphError } from './support/graphMock';
import { drive, outboxWorld } from './support/outboxWorld';

let clockNow = () => Date.now();
const graph = createGraphMock(() => clockNow());
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => graph.server.close());

function world() {
  const w = outboxWorld(graph);
  clockNow = () => w.clock.now();
  return w;
}
const sendsOf = (id: string) =>
  graph.calls.filter((c) => decodeCallbackData(c.body.biz_opaque_callback_data as string)?.message === id).length;
const rowOf = (w: ReturnType<typeof world>, id: string) => w.outbox.rows().find((r) => r.item.id === id)!;

describe('outbox worker: crash and restart (R16)', () => {
  it('a reply accepted before a crash is sent by a new worker once the lease lapses', async () => {
    const w = world();
    const [first, second] = w.enqueue(2, 'crm');
    const a = w.worker({ budget: { rate: 1 }, leaseMs: 30_000 });
    await a.tick(); // claims both, the budget lets one go now; then worker A "crashes" (never ticks again)
    expect(a.counters).toMatchObject({ claimed: 2, sent: 1 });
    expect([sendsOf(first!), sendsOf(second!)]).toEqual([1, 0]);

    const b = w.worker();
    expect((await b.tick()).claimed).toBe(0); // still leased to A
    w.clock.advance(30_000);
    await b.tick();
    expect([sendsOf(first!), sendsOf(second!)]).toEqual([1, 1]);
    expect(rowOf(w, second!)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(b.counters).toMatchObject({ claimed: 1, sent: 1, repeatsSuspected: 1 }); // B cannot know A never sent it
  });

  it('a crash between the answer and `complete`: sent again after restart, and that repeat is counted', async () => {
    const w = world();
    const [id] = w.enqueue(1, 'desk');
    const dying: FairOutboxStore = {
      ...w.outbox,
      complete: async () => {
        throw new Error('process killed before the write');
      },
    };
    const a = w.worker({ outbox: dying });
    await a.tick();
    expect(a.counters).toMatchObject({ sent: 0, unrecorded: 1 });
    expect(rowOf(w, id!)).toMatchObject({ state: 'pending', providerMessageId: null });

    w.clock.advance(60_000);
    const b = w.worker();
    await b.tick();
    expect(sendsOf(id!)).toBe(2);
    expect(b.counters).toMatchObject({ sent: 1, repeatsSuspected: 1 });
    expect(rowOf(w, id!).state).toBe('sent');
  });

  it('once `complete` was recorded, the reply is never sent again, by any worker, at any time', async () => {
    const w = world();
    const [id] = w.enqueue(1, 'crm');
    const a = w.worker();
    await a.tick();
    const providerMessageId = rowOf(w, id!).providerMessageId!;
    expect(providerMessageId).toMatch(/^wamid\./);
    await w.outbox.complete({
      id: id!,
      providerMessageId: 'wamid.late-duplicate-record',
      at: new Date(w.clock.now()).toISOString(),
    });
    for (const hours of [1, 24, 24 * 30]) {
      w.clock.advance(hours * 3_600_000);
      const b = w.worker();
      expect((await b.tick()).claimed).toBe(0);
    }
    expect(sendsOf(id!)).toBe(1);
    expect(await w.outbox.findByProviderId(providerMessageId)).toEqual({ id, org: 'acme' });
    expect(a.counters).toMatchObject({ sent: 1, repeatsSuspected: 0 });
  });
});

describe('outbox worker: outcomes by error code', () => {
  it('130429 is retried durably with backoff (retryAt), then succeeds; a retry is no suspected repeat', async () => {
    const w = world();
    const [id] = w.enqueue(1, 'crm');
    graph.answer(graphError(130429));
    const worker = w.worker();
    await worker.tick();
    const row = rowOf(w, id!);
    expect(row).toMatchObject({ state: 'pending', lastError: { code: 130429 } });
    expect(row.dueAt).toBeGreaterThanOrEqual(w.clock.now());
    await drive(w, worker, () => worker.counters.sent === 1);
    expect(worker.counters).toMatchObject({ retried: 1, sent: 1, repeatsSuspected: 0, failed: 0 });
    expect(sendsOf(id!)).toBe(2);
  });

  it('131026 fails for good: never retried, the store marks it failed', async () => {
    const w = world();
    const [id] = w.enqueue(1, 'crm');
    graph.answer(graphError(131026));
    const worker = w.worker();
    await drive(w, worker, () => worker.counters.failed === 1);
    w.clock.advance(3_600_000);
    await worker.tick();
    expect(rowOf(w, id!)).toMatchObject({ state: 'failed', lastError: { code: 131026 } });
    expect(sendsOf(id!)).toBe(1);
  });

  it('refuses a text outside the 24-hour window before calling WhatsApp (WINDOW_CLOSED, template offered)', async () => {
    const w = world();
    const [id] = w.enqueue(1, 'crm');
    const lastInboundAt = vi.fn(async () => new Date(w.clock.now() - 25 * 3_600_000).toISOString());
    const worker = w.worker({ lastInboundAt });
    await worker.tick();
    expect(graph.calls).toHaveLength(0);
    expect(lastInboundAt).toHaveBeenCalledWith(expect.objectContaining({ id, service: 'crm' }));
    expect(worker.counters).toMatchObject({ failed: 1, windowClosed: 1 });
    expect(rowOf(w, id!).lastError).toMatchObject({ code: 'WINDOW_CLOSED', title: expect.stringMatching(/template/) });
  });

  it('sends a queued template outside the window, with the template body', async () => {
    const w = world();
    w.outbox.enqueue({
      id: 'tpl-1',
      org: 'acme',
      number: '+81312345678',
      customer: '+819012345678',
      service: 'crm',
      type: 'template',
      text: null,
      raw: { name: 'follow_up', language: 'ja' },
      at: new Date(w.clock.now()).toISOString(),
    });
    const worker = w.worker({ lastInboundAt: async () => null });
    await worker.tick();
    expect(graph.calls[0]!.body).toMatchObject({
      type: 'template',
      template: { name: 'follow_up', language: { code: 'ja' } },
    });
    expect(worker.counters.sent).toBe(1);
  });

  it('R38: 190 holds that reply (queued, never failed) and pauses the worker (nothing else is burned); after resume() it goes first', async () => {
    const w = world();
    const ids = w.enqueue(3, 'crm');
    graph.answer(graphError(190));
    const worker = w.worker({ budget: { rate: 1 } });
    await drive(w, worker, () => worker.paused === 'auth');
    w.clock.advance(10_000);
    await worker.tick();
    expect(graph.calls).toHaveLength(1);
    expect(worker.counters).toMatchObject({ failed: 0, authErrors: 1, sent: 0 });
    expect(worker.pauseCode).toBe(190);
    expect(rowOf(w, ids[0]!)).toMatchObject({ state: 'pending', lastError: { code: 190 } });
    worker.resume();
    await drive(w, worker, () => worker.counters.sent === 3);
    expect(ids.map((id) => rowOf(w, id).state)).toEqual(['sent', 'sent', 'sent']);
    expect(w.sentBy().map((s) => s.message)).toEqual([ids[0], ...ids]);
  });

  it('tags each send with org, service and message id in biz_opaque_callback_data, and its events carry no text (R20)', async () => {
    const w = world();
    const [id] = w.enqueue(1, 'salesiq');
    const events: unknown[] = [];
    await w.worker({ onEvent: (e) => events.push(e) }).tick();
    expect(decodeCallbackData(graph.calls[0]!.body.biz_opaque_callback_data as string)).toEqual({
      org: 'acme',
      service: 'salesiq',
      message: id,
    });
    expect(events).toMatchObject([
      { type: 'sent', id, service: 'salesiq', providerMessageId: expect.stringMatching(/^wamid\./), attempts: 1 },
    ]);
    expect(JSON.stringify(events)).not.toContain('reply 0');
  });

  it('with a store that does not say `reclaimed` (core OutboxStore only), a lapsed lease counts as a suspected repeat; its own retry does not', async () => {
    const w = world();
    const strip = async (items: Promise<ClaimedItem[]>) =>
      (await items).map(({ reclaimed: _reclaimed, ...item }) => item);
    const { claim, complete, fail, findByProviderId } = w.outbox;
    const coreOnly: FairOutboxStore = { claim: (input) => strip(claim(input)), complete, fail, findByProviderId };

    const [own] = w.enqueue(1, 'desk');
    graph.answer(graphError(131056)); // pair rate limit: not sent, retried later by the same worker
    const solo = w.worker({ outbox: coreOnly });
    await drive(w, solo, () => solo.counters.sent === 1);
    expect(solo.counters).toMatchObject({ retried: 1, sent: 1, repeatsSuspected: 0 });
    expect(sendsOf(own!)).toBe(2);

    const [refused, held] = w.enqueue(2, 'crm');
    graph.answer(graphError(131056));
    const a = w.worker({ outbox: coreOnly, budget: { rate: 1 }, leaseMs: 10_000 });
    await a.tick(); // `refused` is refused (retryAt set); `held` is claimed, not sent; then A crashes
    w.clock.advance(60_000);
    const b = w.worker({ outbox: coreOnly });
    await drive(w, b, () => b.counters.sent === 2);
    expect([sendsOf(refused!), sendsOf(held!)]).toEqual([2, 1]);
    // B cannot tell A's scheduled retry from A's lapsed lease: both are suspected (an over-count of one).
    expect(b.counters.repeatsSuspected).toBe(2);
  });
});

describe('outbox worker: start() and stop() with a drain', () => {
  it('runs on the system clock, and stop() drains what it holds and waits for sends under way', async () => {
    clockNow = () => Date.now();
    const w = outboxWorld(graph, createManualClock({ start: Date.now() }));
    w.enqueue(20, 'crm');
    const worker = createOutboxWorker({
      outbox: w.outbox,
      client: w.client,
      clock: systemClock,
      budget: { rate: 1000 },
      worker: 'live',
    });
    worker.start();
    await vi.waitFor(() => expect(worker.counters.claimed).toBeGreaterThan(0), { timeout: 10_000 });
    await worker.stop();
    expect(worker.counters.sent).toBe(worker.counters.claimed);
    expect(w.outbox.rows().filter((r) => r.state === 'sent')).toHaveLength(worker.counters.sent);
    expect(w.outbox.rows().every((r) => r.state === 'sent' || r.leaseWorker === null)).toBe(true);
  });
});
