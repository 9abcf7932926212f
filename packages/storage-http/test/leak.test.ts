// R17, R18, R20, R26, R33: a full multi-service run over HTTP, every reply text a unique canary.
// Every byte each service receives (every response body, every SSE event) is recorded and
// scanned: no service ever receives another service's canary, nor another service's agent (its
// id never; its name only where the viewer's policy shows it, CRM's); no log line holds any.
import { createOneNumber, type ChannelEvent, type OneNumber } from '@onenumber/core';
import type { RequestLog } from '@onenumber/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpDirectory, createHttpStorage, openHttpStorage, type FetchLike } from '../src';
import { admin, adminToken, serverForTests } from './support/server';

const N = '+81312345678';
const customers = ['+819011110001', '+819011110002', '+819011110003'];
const services = ['crm', 'desk', 'salesiq', 'books']; // books is finance: an isolated channel (R3, R26)
/** Distinctive ids, so that any body naming another service's agent shows in the scan. */
const agentOf: Record<string, string> = {
  crm: 'agent-crm-1f7k',
  desk: 'agent-desk-2e6j',
  salesiq: 'agent-salesiq-3d5h',
  books: 'agent-books-4c4g',
};
const nameOf: Record<string, string> = { crm: 'Agent A', desk: 'Agent B', salesiq: 'Agent C', books: 'Agent E' };

/** Seeded shuffle (mulberry32), so the interleaving is the same on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A fetch that records every response body it reads, streamed (SSE) ones included. */
function recorder(sink: { text: string }[]): FetchLike {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (!res.body) return res;
    const entry = { text: '' };
    sink.push(entry);
    const decoder = new TextDecoder();
    const tee = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        entry.text += decoder.decode(chunk, { stream: true });
        controller.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(tee), { status: res.status, headers: res.headers });
  };
}

const logs: RequestLog[] = [];
const received: Record<string, { text: string }[]> = {};
const events: Record<string, ChannelEvent[]> = {};
const canaries: Record<string, string[]> = {};
const tokens: string[] = [];
let close = async () => {};

beforeAll(async () => {
  const server = await serverForTests({ logger: (l) => logs.push(l) });
  await admin(server.url, 'POST', '/v1/admin/directory', {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: Object.entries(agentOf).map(([service, id]) => ({
      org: 'acme',
      id,
      name: nameOf[service],
      access: [service],
    })),
    numbers: [{ number: N, verified: true }],
  });
  const sdk: Record<string, OneNumber> = {};
  const feeds: (() => void)[] = [];
  for (const service of services) {
    const { token } = await admin(server.url, 'POST', '/v1/admin/tokens', { org: 'acme', service });
    tokens.push(token);
    received[service] = [];
    events[service] = [];
    canaries[service] = [];
    const fetch = recorder(received[service]!);
    // R18, R33: the catalogue's CRM policy shows other services' agent names; never their text.
    sdk[service] = createOneNumber({
      storage: await openHttpStorage({ url: server.url, token, fetch }),
      directory: createHttpDirectory({ url: server.url, token, fetch }),
    });
    await sdk[service]!.connect({ org: 'acme', service, number: N });
    const feed = sdk[service]!.feed({ org: 'acme', service });
    feed.on('event', (e) => events[service]!.push(e));
    feeds.push(() => feed.close());
  }
  const webhook = createOneNumber({
    storage: createHttpStorage({ url: server.url, token: adminToken }),
    directory: createHttpDirectory({ url: server.url, token: adminToken }),
  });
  for (const customer of customers)
    await webhook.receive({ number: N, customer, text: `hello from ${customer}`, id: `wamid.${customer}` });
  let n = 0;
  const plan = shuffled(
    customers.flatMap((customer) => services.map((service) => ({ customer, service }))),
    20260101,
  );
  for (const { customer, service } of plan) {
    const api = sdk[service]!;
    const agent = agentOf[service]!;
    await api.assign({ org: 'acme', service, agent, number: N, customer });
    const text = `canary-${service}-${++n}`;
    canaries[service]!.push(text);
    const { message } = await api.reply({ org: 'acme', service, agent, number: N, customer, text });
    await webhook.updateStatus({ org: 'acme', message, status: n % 2 ? 'delivered' : 'read' });
  }
  await sdk.desk!.disable({ org: 'acme', service: 'desk', number: N });
  await sdk.desk!.enable({ org: 'acme', service: 'desk', number: N });
  for (const service of services) {
    for (const customer of customers)
      await sdk[service]!.view({ org: 'acme', service, agent: agentOf[service]!, number: N, customer });
    await sdk[service]!.events({ org: 'acme', service });
    await sdk[service]!.members({ org: 'acme', service, number: N });
  }
  await sdk.crm!.timeline({ org: 'acme', service: 'crm', number: N });
  // Wait until each service's live feed has its own replies (the last events of the run).
  for (
    let i = 0;
    i < 200 &&
    services.some(
      (s) => events[s]!.filter((e) => e.type === 'messageSent' && e.message.service === s).length < customers.length,
    );
    i++
  ) {
    await new Promise((r) => setTimeout(r, 50));
  }
  close = async () => {
    feeds.forEach((stop) => {
      stop();
    });
    for (const api of [...Object.values(sdk), webhook]) await api.close();
    await server.close();
  };
}, 120_000);
afterAll(async () => close());

describe('leak scan (R17, R20, R26)', () => {
  it.each(services)("%s receives its own replies in full and no other service's reply text, by any path", (service) => {
    const everything = received[service]!.map((r) => r.text).join('\n');
    for (const own of canaries[service]!) expect(everything).toContain(own);
    const others = services.filter((s) => s !== service).flatMap((s) => canaries[s]!);
    expect(others.filter((canary) => everything.includes(canary))).toEqual([]);
    expect(received[service]!.some((r) => r.text.includes('id: '))).toBe(true); // SSE frames were recorded too
  });

  it.each(services)("%s's live events carry its own replies and other services' replies masked", (service) => {
    const sent = events[service]!.filter((e) => e.type === 'messageSent');
    expect(
      sent
        .filter((e) => e.message.service === service)
        .map((e) => e.message.text)
        .sort(),
    ).toEqual([...canaries[service]!].sort());
    const foreign = sent.filter((e) => e.message.service !== service);
    expect(foreign.every((e) => e.message.masked && e.message.text === null && e.message.agent === null)).toBe(true);
    if (service === 'books')
      expect(foreign).toEqual([]); // R26: nothing is synced into an isolated channel
    else expect(foreign.length).toBe(customers.length * 2); // the two other shared services' replies
  });

  it("R18: a policy may show another service's agent name (CRM), never its text", () => {
    const crmSeesDesk = events.crm!.find((e) => e.type === 'messageSent' && e.message.service === 'desk');
    expect(crmSeesDesk).toMatchObject({ message: { masked: true, text: null, agentName: 'Agent B' } });
  });

  it.each(services)(
    "R33: %s never receives another service's agent id, and its name only where its policy shows it (CRM's)",
    (service) => {
      const everything = received[service]!.map((r) => r.text).join('\n');
      expect(everything).toContain(agentOf[service]); // its own agent, named to it
      const others = services.filter((s) => s !== service);
      expect(others.map((s) => agentOf[s]).filter((id) => everything.includes(id!))).toEqual([]);
      const names = others.map((s) => nameOf[s]).filter((name) => everything.includes(name!));
      // Every agent here has one service's access: R22's notice names nobody; only CRM's policy shows names.
      if (service === 'crm') expect(names.sort()).toEqual(['Agent B', 'Agent C']);
      else expect(names).toEqual([]);
    },
  );

  it('no log line holds a reply text, an inbound text or a token', () => {
    expect(logs.length).toBeGreaterThan(100);
    const all = JSON.stringify(logs);
    for (const canary of Object.values(canaries).flat()) expect(all).not.toContain(canary);
    expect(all).not.toContain('hello from');
    for (const token of [...tokens, adminToken]) expect(all).not.toContain(token);
    expect(
      logs.every((l) =>
        Object.keys(l).every((k) => ['method', 'path', 'status', 'ms', 'org', 'service', 'error'].includes(k)),
      ),
    ).toBe(true);
  });
});
