// Issue 10, real time across replicas: an SSE client of crm on replica C receives, once each and
// in order, the events that requests to replicas A and B caused (inbound messages, desk's replies,
// salesiq's membership changes), written concurrently so that transactions commit out of the
// order they began in. Midway it goes away and resumes with Last-Event-ID on replica A, while the
// writes go on: the two streams together are exactly crm's durable event list, nothing skipped,
// nothing twice; desk's reply text never reaches crm (R17, R20).
import { OneNumberError, type ChannelEvent } from '@onenumber/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSdk } from '../whatsapp/support/serviceSdk';
import { startPostgres, type TestPostgres } from './support/cluster';
import {
  admin,
  buildServer,
  killAll,
  seeded,
  startReplica,
  stopReplicas,
  until,
  type Replica,
} from './support/replicas';
import { openSse } from './support/sse';

const number = '+81312345678';
const customers = ['+819012340001', '+819012340002', '+819012340003'];
const writers = 4;
const perPhase = 40; // writes per writer per phase

let pg: TestPostgres;
let replicas: Replica[] = [];

beforeAll(async () => {
  const [modulePath, started] = await Promise.all([buildServer(), startPostgres()]);
  pg = started;
  const schema = pg.schema();
  replicas = [];
  for (const name of ['a', 'b', 'c']) replicas.push(await startReplica(modulePath, pg.url, schema, `events-${name}`));
}, 180_000);

afterAll(async () => {
  killAll();
  await pg?.stop();
}, 60_000);

/** crm's durable events after `after`, every page. */
async function durable(url: string, after: string | undefined): Promise<ChannelEvent[]> {
  const out: ChannelEvent[] = [];
  for (;;) {
    const page: ChannelEvent[] = await admin(url, 'POST', '/v1/storage/events', {
      org: 'acme',
      service: 'crm',
      limit: 500,
      ...(after ? { after } : {}),
    });
    out.push(...page);
    if (page.length < 500) return out;
    after = page.at(-1)!.id;
  }
}

describe('three replicas on one PostgreSQL: events', () => {
  it('an SSE client on replica C receives the events caused on A and B once each, in order, and resumes with Last-Event-ID on A without skipping any', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    await admin(a.url, 'POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      agents: [
        { org: 'acme', id: 'aiko', name: 'Aiko', access: ['crm'] },
        { org: 'acme', id: 'ben', name: 'Ben', access: ['desk'] },
      ],
      numbers: [{ number, verified: true }],
    });
    const tokens: Record<string, string> = {};
    for (const service of ['crm', 'desk', 'salesiq'])
      tokens[service] = (await admin(a.url, 'POST', '/v1/admin/tokens', { org: 'acme', service })).token;
    await serviceSdk(c.url, tokens.crm!).connect({ org: 'acme', service: 'crm', number });
    const deskOnA = serviceSdk(a.url, tokens.desk!);
    const salesiqOnB = serviceSdk(b.url, tokens.salesiq!);
    await deskOnA.connect({ org: 'acme', service: 'desk', number });
    await salesiqOnB.connect({ org: 'acme', service: 'salesiq', number });
    let inbound = 0;
    const providerIds: string[] = [];
    const receiveOnB = async (customer: string) => {
      const id = `wamid.replica-events.${++inbound}`;
      providerIds.push(id);
      await admin(b.url, 'POST', '/v1/storage/receive', {
        number,
        customer,
        providerId: id,
        type: 'text',
        text: `hello ${id}`,
        raw: null,
        at: new Date().toISOString(),
      });
    };
    for (const customer of customers) await receiveOnB(customer); // the 24-hour window opens for each

    const before = await durable(c.url, undefined);
    const start = before.at(-1)!.id;
    const first = await openSse(c.url, tokens.crm!, start);

    const random = seeded(11);
    const replies: { id: string; text: string }[] = [];
    const writes = new Map<string, number>();
    /** One phase: `writers` concurrent writers on A and B, each a seeded mix of writes. */
    const phase = (name: string) =>
      Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perPhase; i++) {
            const roll = random();
            const customer = customers[Math.floor(random() * customers.length)]!;
            const kind = roll < 0.4 ? 'inbound on B' : roll < 0.8 ? 'desk reply on A' : 'salesiq membership on B';
            writes.set(kind, (writes.get(kind) ?? 0) + 1);
            if (kind === 'inbound on B') await receiveOnB(customer);
            else if (kind === 'desk reply on A') {
              const text = `desk private answer ${name}.${w}.${i}`;
              const { message } = await deskOnA.reply({
                org: 'acme',
                service: 'desk',
                agent: 'ben',
                number,
                customer,
                text,
              });
              replies.push({ id: message, text });
            } else {
              const action = random() < 0.5 ? 'disable' : 'enable'; // no-ops are allowed (R10)
              await salesiqOnB[action]({ org: 'acme', service: 'salesiq', number }).catch((e: unknown) => {
                if (!OneNumberError.isInstance(e)) throw e;
              });
            }
          }
        }),
      );

    await phase('one');
    const head = (await durable(a.url, start)).at(-1)!.id;
    await until(() => first.events.at(-1)?.id === head, 'the first phase on C', 120_000);
    const seen = first.events.length;
    // The client goes away while the second phase writes, and comes back on another replica.
    const second = phase('two');
    await until(() => first.events.length >= seen + 10, 'some events of the second phase on C', 120_000);
    await first.close();
    const resumeFrom = first.events.at(-1)?.id ?? start;
    const resumed = await openSse(a.url, tokens.crm!, resumeFrom);
    await second;

    const all = await durable(c.url, start);
    await until(() => resumed.events.at(-1)?.id === all.at(-1)!.id, 'the resumed stream to catch up', 120_000);
    const received = [...first.events, ...resumed.events];
    const ids = received.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length); // once each
    expect(ids).toEqual(all.map((e) => e.id)); // in order, none skipped
    expect(received).toEqual(all);
    // Every replica serves the same list.
    expect(await durable(a.url, start)).toEqual(all);
    expect(await durable(b.url, start)).toEqual(all);

    // What was caused on A and B is there: every inbound once, every desk reply once and masked.
    const counted = (type: string, key: (e: any) => string) => {
      const map = new Map<string, number>();
      for (const e of received.filter((x) => x.type === type)) map.set(key(e), (map.get(key(e)) ?? 0) + 1);
      return map;
    };
    const inboundSeen = counted('messageReceived', (e) => String(e.message.text).replace('hello ', ''));
    const repliesSeen = counted('messageSent', (e) => e.message.id);
    const afterStart = providerIds.slice(customers.length);
    expect(afterStart.filter((id) => inboundSeen.get(id) !== 1)).toEqual([]);
    expect(replies.filter((r) => repliesSeen.get(r.id) !== 1)).toEqual([]);
    const streamText = JSON.stringify(received);
    expect(replies.filter((r) => streamText.includes(r.text))).toEqual([]);
    expect(streamText).not.toContain('"ben"');
    expect(received.some((e) => e.type === 'membershipChanged')).toBe(true);
    console.info(
      `replicas-events: ${received.length} events (${first.events.length} on C, ${resumed.events.length} resumed on A), writes ${JSON.stringify(Object.fromEntries(writes))}`,
    );
    await resumed.close();
    expect(await stopReplicas(replicas)).toEqual([0, 0, 0]);
  }, 600_000);
});
