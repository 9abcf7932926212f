// Real time: GET /v1/events streams the token's service's events as SSE with ids; Last-Event-ID
// or ?after= resumes (missed first, each once); heartbeats; projections (R17, R20); shutdown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminToken, testServer, type TestServer } from './support/server';
import { openStream } from './support/sse';

let server: TestServer;
const at = '2026-01-01T09:00:00.000Z';
const N = '+81312345678';
const customer = '+819012345678';
let crm: string;
let desk: string;

const inbound = (text: string, id: string) =>
  server.call('POST', '/v1/storage/receive', adminToken, {
    number: N,
    customer,
    providerId: id,
    type: 'text',
    text,
    raw: null,
    at,
  });

beforeEach(async () => {
  server = await testServer({ heartbeatMs: 50 });
  await server.call('POST', '/v1/admin/directory', adminToken, {
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [{ org: 'acme', id: 'a', name: 'Agent A', access: ['crm'] }],
    numbers: [{ number: N, verified: true }],
  });
  crm = await server.issue('acme', 'crm');
  desk = await server.issue('acme', 'desk');
  for (const [service, token] of [
    ['crm', crm],
    ['desk', desk],
  ] as const) {
    await server.call('POST', '/v1/storage/connect', token, {
      org: 'acme',
      number: N,
      service,
      mode: 'shared',
      reason: 'bundle',
      at,
    });
  }
});
afterEach(async () => server.close());

const texts = (frames: { data: any }[]) =>
  frames.filter((f) => f.data.type === 'messageReceived').map((f) => f.data.message.text);

describe('GET /v1/events', () => {
  it("streams live events with ids, only for the token's (org, service), and heartbeats while idle", async () => {
    const stream = await openStream(`${server.url}/v1/events`, desk);
    expect(stream.status).toBe(200);
    await inbound('live-1', 'w1');
    const frames = await stream.waitFor(1);
    expect(frames.every((f) => f.id === f.data.id && f.data.org === 'acme' && f.data.service === 'desk')).toBe(true);
    expect(texts(frames)).toEqual(['live-1']);
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThan(0);
    stream.close();
  });

  it('Last-Event-ID resumes: missed events first, each once, then live ones', async () => {
    await inbound('m1', 'w1');
    const all = (await server.call('POST', '/v1/storage/events', crm, { org: 'acme', service: 'crm' })).body as {
      id: string;
    }[];
    const cursor = all.at(-1)!.id;
    await inbound('m2', 'w2');
    await inbound('m3', 'w3');
    const stream = await openStream(`${server.url}/v1/events`, crm, { 'last-event-id': cursor });
    await inbound('m4', 'w4');
    const frames = await stream.waitFor(3);
    expect(texts(frames)).toEqual(['m2', 'm3', 'm4']);
    await new Promise((r) => setTimeout(r, 100));
    expect(new Set(stream.frames.map((f) => f.id)).size).toBe(stream.frames.length);
    expect(texts(stream.frames)).toEqual(['m2', 'm3', 'm4']);
    stream.close();
    const byQuery = await openStream(`${server.url}/v1/events?after=${encodeURIComponent(cursor)}`, crm);
    expect(texts(await byQuery.waitFor(3))).toEqual(['m2', 'm3', 'm4']);
    byQuery.close();
  });

  it('R17, R20: a reply reaches the other service masked, with no text and no agent', async () => {
    const stream = await openStream(`${server.url}/v1/events`, desk);
    await inbound('q', 'w1');
    const { body: info } = await server.call('POST', '/v1/storage/channelInfo', crm, { org: 'acme', number: N });
    const { body: decision } = await server.call('POST', '/v1/storage/decide', crm, {
      org: 'acme',
      channel: info.channel,
      customer,
      service: 'crm',
      agent: 'a',
    });
    await server.call('POST', '/v1/storage/appendReply', crm, {
      org: 'acme',
      channel: info.channel,
      conversation: decision.conversation,
      expectedVersion: decision.version,
      service: 'crm',
      agent: 'a',
      agentName: 'x',
      type: 'text',
      text: 'canary-sse-crm',
      raw: { body: 'canary-sse-crm' },
      assign: true,
      at,
    });
    await stream.waitFor(1);
    await new Promise((r) => setTimeout(r, 100));
    const sent = stream.frames.find((f) => f.data.type === 'messageSent');
    expect(sent?.data.message).toMatchObject({ service: 'crm', text: null, agent: null, masked: true });
    expect(JSON.stringify(stream.frames)).not.toContain('canary-sse');
    stream.close();
  });

  it('an admin names the (org, service) to stream; a bad cursor is 400', async () => {
    expect((await openStream(`${server.url}/v1/events`, adminToken)).status).toBe(400);
    const admin = await openStream(`${server.url}/v1/events?org=acme&service=crm`, adminToken);
    expect(admin.status).toBe(200);
    await inbound('x', 'w9');
    expect((await admin.waitFor(1)).every((f) => f.data.service === 'crm')).toBe(true);
    admin.close();
    expect((await openStream(`${server.url}/v1/events`, crm, { 'last-event-id': 'x'.repeat(100) })).status).toBe(400);
  });

  it('graceful shutdown ends open streams and finishes', async () => {
    const stream = await openStream(`${server.url}/v1/events`, crm);
    await server.close();
    await stream.ended;
    expect(stream.status).toBe(200);
  });
});
