// R38: a reply WhatsApp refused for an account reason (190 expired token, 131031 account locked,
// 131042 payment issue, 368 temporarily blocked; Meta's Cloud API docs, "Error codes") was never
// sent: it stays queued, never `failed`, and pauses the sender; after `resume` (here with a new
// access token) it goes out once, before the replies queued after it, in order. The Graph API is
// msw with Meta's error bodies; the outbox is the memory one, whose give-up would mark it failed.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createGraphClient,
  createManualClock,
  createMemoryOutbox,
  createOutboxWorker,
  createSeededRandom,
  createSimulator,
  createWhatsAppWebhook,
  decodeCallbackData,
  ingestInto,
  type OutboxWorkerEvent,
} from '../src';
import { createGraphMock, graphError } from './support/graphMock';
import { drive } from './support/outboxWorld';
import { N1, PNID, SECRET, VERIFY, connected } from './support/world';

let clockNow = () => Date.now();
const graph = createGraphMock(() => clockNow());
beforeAll(() => graph.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => graph.reset());
afterAll(() => graph.server.close());

const taro = '+819012345678';
const hanako = '+819011112222';

function world() {
  const clock = createManualClock({ start: '2025-06-01T10:00:00.000Z' });
  clockNow = () => clock.now();
  const onGiveUp = vi.fn();
  const outbox = createMemoryOutbox({ onGiveUp });
  let token = 'EAAG-old';
  const client = createGraphClient({ accessToken: () => token, phoneNumberId: PNID, clock, env: {} });
  const events: OutboxWorkerEvent[] = [];
  const worker = createOutboxWorker({
    outbox,
    client,
    clock,
    random: createSeededRandom(5),
    worker: 'w1',
    budget: { rate: 80, burst: 10 },
    onEvent: (e) => events.push(e),
  });
  const queue = (id: string, customer: string) => {
    outbox.enqueue({
      id,
      org: 'acme',
      number: N1,
      customer,
      service: 'crm',
      type: 'text',
      text: `${id} text`,
      raw: null,
      at: new Date(clock.now()).toISOString(),
    });
    return id;
  };
  const sends = (bearer: string) =>
    graph.calls
      .filter((c) => c.authorization === `Bearer ${bearer}`)
      .map((c) => decodeCallbackData(c.body.biz_opaque_callback_data as string)!.message);
  const state = (id: string) => outbox.rows().find((r) => r.item.id === id)!.state;
  return { clock, outbox, worker, events, onGiveUp, queue, sends, state, renew: (t: string) => void (token = t) };
}

describe('R38: an account refusal holds the reply until resume, then it goes first', () => {
  for (const pauseMs of [5_000, 600_000])
    it(`190: the reply is not failed, nothing later is sent while paused; after resume with a new token (${pauseMs / 1000} s later) each reply is sent exactly once, the held one first, in order`, async () => {
      const w = world();
      graph.answerWhen((call) => call.authorization === 'Bearer EAAG-old', graphError(190), 100);
      const [a, b] = [w.queue('a', taro), w.queue('b', taro)];
      const c = w.queue('c', hanako);
      await w.worker.tick(); // a and c (two customers) go at once: both refused
      expect(w.worker.paused).toBe('auth');
      expect(w.worker.pauseCode).toBe(190);
      expect(w.sends('EAAG-old').sort()).toEqual([a, c]);
      expect([w.state(a), w.state(b), w.state(c)]).toEqual(['pending', 'pending', 'pending']);

      w.clock.advance(pauseMs);
      await w.worker.tick();
      w.queue('d', taro); // queued while paused: goes after the held ones
      w.clock.advance(1000);
      await w.worker.tick();
      expect(graph.calls).toHaveLength(2); // nothing burned while paused

      w.renew('EAAG-new');
      w.worker.resume();
      expect(w.worker.paused).toBeNull();
      await drive(w, w.worker, () => w.worker.counters.sent === 4, 120_000);
      const resent = w.sends('EAAG-new');
      expect(resent.filter((id) => id !== c)).toEqual([a, b, 'd']);
      expect(resent.sort()).toEqual([a, b, c, 'd']);
      expect(['a', 'b', 'c', 'd'].map(w.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
      expect(w.onGiveUp).not.toHaveBeenCalled();
      expect(w.worker.counters).toMatchObject({ sent: 4, failed: 0, authErrors: 2, repeatsSuspected: 0 });
      expect(w.worker.limits).toMatchObject({ held: 2 });
      expect(w.events.filter((e) => e.type === 'paused')).toEqual([{ type: 'paused', reason: 'auth', code: 190 }]);
      expect(w.events.filter((e) => e.type === 'failed')).toEqual([]);
    });

  for (const code of [131031, 131042, 368])
    it(`${code}: held (never failed) and paused; after resume it is sent once`, async () => {
      const w = world();
      graph.answer(graphError(code));
      const a = w.queue('a', taro);
      await w.worker.tick();
      expect([w.worker.paused, w.worker.pauseCode, w.state(a)]).toEqual(['auth', code, 'pending']);
      expect(w.outbox.rows()[0]!.lastError).toMatchObject({ code });
      w.clock.advance(60_000);
      await w.worker.tick();
      expect(graph.calls).toHaveLength(1);
      w.worker.resume();
      await drive(w, w.worker, () => w.worker.counters.sent === 1);
      expect(graph.calls.map((call) => call.body.to)).toEqual([taro.slice(1), taro.slice(1)]);
      expect(w.onGiveUp).not.toHaveBeenCalled();
      expect(w.worker.counters).toMatchObject({ sent: 1, failed: 0, authErrors: 1 });
    });

  it('an account refusal never uses up the attempts: held again and again, then sent', async () => {
    const w = world();
    graph.answer(graphError(190), graphError(190), graphError(190));
    const a = w.queue('a', taro);
    const worker = createOutboxWorker({
      outbox: w.outbox,
      client: createGraphClient({ accessToken: 'x', phoneNumberId: PNID, env: {} }),
      clock: w.clock,
      maxAttempts: 2,
    });
    for (let i = 0; i < 3; i++) {
      await worker.tick();
      expect(worker.paused).toBe('auth');
      worker.resume();
      w.clock.advance(1000);
    }
    await drive(w, worker, () => worker.counters.sent === 1);
    expect(w.state(a)).toBe('sent');
    expect(worker.counters).toMatchObject({ failed: 0, authErrors: 3, sent: 1 });
  });
});

describe('R38: the held reply keeps its place when a claim takes it back while its refusal is recorded', () => {
  it('a pass that claims the held reply between its `fail` write and the pause does not strand it behind its lease: after resume it goes before the later reply', async () => {
    const w = world();
    graph.answerWhen((call) => call.authorization === 'Bearer EAAG-old', graphError(190), 100);
    // The refusal's write lands, then waits: what a store's write queue does under load.
    let reached!: () => void;
    let open!: () => void;
    const atGate = new Promise<void>((r) => (reached = r));
    const gate = new Promise<void>((r) => (open = r));
    const fail = w.outbox.fail.bind(w.outbox);
    w.outbox.fail = async (input) => {
      await fail(input);
      reached();
      await gate;
    };
    const a = w.queue('a', taro);
    const first = w.worker.tick();
    await atGate;
    await w.worker.tick(); // claims `a` again (due, unleased) while its send is still being recorded
    open();
    await first;
    expect(w.worker.paused).toBe('auth');
    w.clock.advance(1000);
    const b = w.queue('b', taro);
    w.renew('EAAG-new');
    w.worker.resume();
    await drive(w, w.worker, () => w.worker.counters.sent === 2, 120_000);
    expect(w.sends('EAAG-new')).toEqual([a, b]);
    expect(w.worker.counters).toMatchObject({ sent: 2, authErrors: 1, repeatsSuspected: 0 });
  });
});

describe('R38 with the simulator and the real core', () => {
  it('190 from WhatsApp: the stored reply keeps its status (never `failed`), and after resume the customer gets it once', async () => {
    const clock = createManualClock({ start: '2025-06-01T10:00:00.000Z' });
    const one = await connected(() => new Date(clock.now()));
    const outbox = createMemoryOutbox({
      onGiveUp: (item, error) =>
        one.updateStatus({ org: item.org, message: item.id, status: 'failed', error }).then(() => undefined),
    });
    const sim = createSimulator({ appSecret: SECRET, numbers: { [N1]: PNID }, clock });
    sim.connect(
      createWhatsAppWebhook({
        appSecret: SECRET,
        verifyToken: VERIFY,
        ingest: ingestInto(one, {
          resolveNumber: (o) => sim.numberOf(o.phoneNumberId),
          findByProviderId: outbox.findByProviderId,
        }),
      }),
    );
    const customer = sim.customer(taro);
    await customer.send('Where is my order?', { to: N1 });
    const { message } = await one.reply({
      org: 'acme',
      service: 'crm',
      agent: 'a',
      number: N1,
      customer: taro,
      text: 'Today.',
    });
    const before = (
      await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: taro })
    ).messages.find((m) => m.id === message)!.status;
    outbox.enqueue({
      id: message,
      org: 'acme',
      number: N1,
      customer: taro,
      service: 'crm',
      type: 'text',
      text: 'Today.',
      raw: null,
      at: new Date(clock.now()).toISOString(),
    });
    const worker = createOutboxWorker({ outbox, client: sim, clock });

    sim.failNext(190);
    await worker.tick();
    expect(worker.paused).toBe('auth');
    const view = async () =>
      (await one.view({ org: 'acme', service: 'crm', agent: 'a', number: N1, customer: taro })).messages.find(
        (m) => m.id === message,
      )!;
    expect(await view()).toMatchObject({ status: before, error: null });
    expect(customer.inbox()).toEqual([]);

    worker.resume();
    clock.advance(1000);
    await worker.tick();
    expect(customer.inbox().map((m) => m.text)).toEqual(['Today.']);
    await sim.settle();
    expect((await view()).status).toBe('delivered');
  });
});
