// The outbox test world: a manual clock, the Graph API on msw (calls stamped with that clock),
// the real Graph client, and the memory outbox.
import {
  createGraphClient,
  createManualClock,
  createMemoryOutbox,
  createOutboxWorker,
  createSeededRandom,
  decodeCallbackData,
  type MemoryOutbox,
  type OutboxWorkerOptions,
} from '../../src';
import type { createGraphMock } from './graphMock';
import { N1, PNID } from './world';

export const N2 = '+12025550100';
export const PNID2 = '109876543210987';
export const START = '2025-06-01T10:00:00.000Z';

export function outboxWorld(graph: ReturnType<typeof createGraphMock>, clock = createManualClock({ start: START })) {
  const outbox = createMemoryOutbox();
  const client = createGraphClient({
    accessToken: 'EAAG-test',
    env: {},
    clock,
    phoneNumberId: (n) => ({ [N1]: PNID, [N2]: PNID2 })[n] ?? null,
  });
  let seq = 0;
  const world = {
    clock,
    outbox,
    client,
    worker: (extra: Partial<OutboxWorkerOptions> = {}) =>
      createOutboxWorker({ outbox, client, clock, random: createSeededRandom(1), worker: `w${++seq}`, ...extra }),
    /** Queues `count` accepted replies from `service` (what appendReply does in the durable store). */
    enqueue(count: number, service: string, number = N1) {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = `${service}-${number.slice(-4)}-${i}`;
        outbox.enqueue({
          id,
          org: 'acme',
          number,
          customer: `+8190${String(1000_0000 + i)}`,
          service,
          type: 'text',
          text: `reply ${i} from ${service}`,
          raw: null,
          at: new Date(clock.now()).toISOString(),
        });
        ids.push(id);
      }
      return ids;
    },
    /** The service and message id of each Graph call, from its biz_opaque_callback_data. */
    sentBy: () => graph.calls.map((c) => decodeCallbackData(c.body.biz_opaque_callback_data as string)!),
  };
  return world;
}

/** Runs passes, moving the clock to each pass's wake time, until `done` or the horizon. */
export async function drive(
  world: { clock: ReturnType<typeof createManualClock> },
  worker: ReturnType<typeof createOutboxWorker>,
  done: () => boolean,
  horizonMs = 120_000,
) {
  const end = world.clock.now() + horizonMs;
  while (!done() && world.clock.now() < end) {
    const result = await worker.tick();
    world.clock.set(Math.min(end, Math.max(world.clock.now() + 1, result.nextWakeAt)));
  }
}

export type OutboxWorld = ReturnType<typeof outboxWorld> & { outbox: MemoryOutbox };
