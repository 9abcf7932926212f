// Property test of R17, R18, R20, R26: for any sequence of replies, assignments, views, delivery
// reports and membership changes across services, a view, an event or an error for service S never
// contains the text of another service's reply. Every reply text is a unique canary naming its
// service, so any leak is visible in the output it leaked into.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OneNumberError, type ChannelEvent, type ChannelStorage, type MessageView, type ServiceFeed } from '../src';
import type { ViewQuery } from '../src/storage-kit';
import { C1, C2, N1, makeWorld } from './support/world';

const services = ['crm', 'desk', 'salesiq', 'books'] as const;
const agents = ['a', 'b', 'c', 'd', 's', 'k', 'all'] as const;
const canary = /canary-(\d+)-([a-z]+)/g;

/** The canaries in `output` that belong to a service other than `service`. */
function leaks(output: unknown, service: string): string[] {
  return [...JSON.stringify(output).matchAll(canary)].filter((m) => m[2] !== service).map((m) => m[0]);
}

type Op =
  | { kind: 'reply' | 'view'; service: string; agent: string; customer: string }
  | { kind: 'assign'; service: string; agent: string; customer: string; confirm: boolean }
  | { kind: 'inbound'; customer: string }
  | { kind: 'disable' | 'enable'; service: string }
  | { kind: 'status'; pick: number; status: 'delivered' | 'read' | 'failed' }
  | { kind: 'events'; service: string };

const service = fc.constantFrom(...services);
const agent = fc.constantFrom(...agents);
const customer = fc.constantFrom(C1, C2);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('reply' as const), service, agent, customer }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('view' as const), service, agent, customer }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('assign' as const), service, agent, customer, confirm: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('inbound' as const), customer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('disable' as const, 'enable' as const), service }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      pick: fc.nat(),
      status: fc.constantFrom('delivered' as const, 'read' as const, 'failed' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('events' as const), service }) },
);

const seen = { replies: 0, ownCanaries: 0, checkedOutputs: 0 };

function errorOutput(error: unknown): unknown {
  if (!OneNumberError.isInstance(error)) throw error;
  return {
    string: String(error),
    message: error.message,
    field: error.field,
    details: error.details,
    json: error.toJSON(),
  };
}

/** A deliberately broken storage: its views show other services' reply texts (for the test of the test). */
function leakyStorage(inner: ChannelStorage): ChannelStorage {
  const textAsSender = async (query: ViewQuery, message: MessageView) => {
    const seenBySender = await inner.view({ ...query, service: message.service! }).catch(() => []);
    return seenBySender.find((m) => m.id === message.id)?.text ?? null;
  };
  return {
    ...inner,
    view: async (query) =>
      Promise.all(
        (await inner.view(query)).map(async (m) => (m.masked ? { ...m, text: await textAsSender(query, m) } : m)),
      ),
  };
}

async function runOps(ops: Op[], wrap?: (storage: ChannelStorage) => ChannelStorage): Promise<void> {
  const { one } = makeWorld(wrap);
  await one.connect({ org: 'acme', service: 'crm', number: N1 }); // R33: the catalogue shows CRM agent names
  for (const s of ['desk', 'salesiq', 'books']) await one.connect({ org: 'acme', service: s, number: N1 });
  await one.receive({ number: N1, customer: C1, text: 'first question', id: 'w-a' });
  await one.receive({ number: N1, customer: C2, text: 'another question', id: 'w-b' });

  const outputs = new Map<string, unknown[]>(services.map((s) => [s, []]));
  const feeds: ServiceFeed[] = services.map((s) => {
    const feed = one.feed({ org: 'acme', service: s });
    feed.on('event', (event: ChannelEvent) => outputs.get(s)!.push(event));
    return feed;
  });
  const sent: string[] = [];
  let n = 0;
  const attribute = async (to: string, call: () => Promise<unknown>) => {
    outputs.get(to)!.push(await call().catch(errorOutput));
  };

  for (const o of ops) {
    const base = { org: 'acme', number: N1 } as const;
    if (o.kind === 'reply') {
      await attribute(o.service, async () => {
        const result = await one.reply({
          ...base,
          service: o.service,
          agent: o.agent,
          customer: o.customer,
          text: `canary-${++n}-${o.service}`,
        });
        sent.push(result.message);
        seen.replies++;
        return result;
      });
    } else if (o.kind === 'view')
      await attribute(o.service, () => one.view({ ...base, service: o.service, agent: o.agent, customer: o.customer }));
    else if (o.kind === 'assign') await attribute(o.service, () => one.assign({ ...base, ...o }));
    else if (o.kind === 'inbound')
      await one.receive({ number: N1, customer: o.customer, text: `inbound ${++n}`, id: `w-${n}` });
    else if (o.kind === 'disable' || o.kind === 'enable')
      await attribute(o.service, () => one[o.kind]({ ...base, service: o.service }));
    else if (o.kind === 'status' && sent.length) {
      const result = await one.updateStatus({
        org: 'acme',
        message: sent[o.pick % sent.length]!,
        status: o.status,
        error: o.status === 'failed' ? { code: 131026, title: 'Message undeliverable' } : null,
      });
      expect(JSON.stringify(result)).not.toMatch(canary);
    } else if (o.kind === 'events') await attribute(o.service, () => one.events({ org: 'acme', service: o.service }));
  }
  await new Promise((resolve) => setImmediate(resolve));
  feeds.forEach((feed) => {
    feed.close();
  });
  for (const s of services) outputs.get(s)!.push(await one.events({ org: 'acme', service: s }));

  for (const [s, list] of outputs) {
    for (const output of list) {
      seen.checkedOutputs++;
      expect(leaks(output, s), `${s} saw another service's reply text`).toEqual([]);
      if (JSON.stringify(output).match(canary)) seen.ownCanaries++;
    }
  }
}

describe('masking property (R17, R18, R20, R26)', () => {
  it("the leak check can fail: it finds another service's canary and ignores the own one", () => {
    expect(leaks({ messages: [{ text: 'canary-3-crm' }, { text: 'canary-4-desk' }] }, 'desk')).toEqual([
      'canary-3-crm',
    ]);
    expect(leaks({ message: 'canary-5-desk' }, 'desk')).toEqual([]);
  });

  it("R20: a view, event or error for a service never contains another service's reply text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40, size: 'max' }), (ops) => runOps(ops)),
      { seed: 424242, numRuns: 300 },
    );
  }, 120_000);

  it("the property fails on a storage whose views leak other services' reply text", async () => {
    const result = await fc.check(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40, size: 'max' }), (ops) => runOps(ops, leakyStorage)),
      { seed: 424242, numRuns: 300 },
    );
    expect(result.failed).toBe(true);
    expect(String(result.errorInstance)).toMatch(/saw another service's reply text/);
  }, 120_000);

  it('the canaries did flow where they may (own replies, views and events), so the check above could fail', () => {
    expect(seen.replies).toBeGreaterThan(100);
    expect(seen.ownCanaries).toBeGreaterThan(100);
    expect(seen.checkedOutputs).toBeGreaterThan(1000);
  });
});
