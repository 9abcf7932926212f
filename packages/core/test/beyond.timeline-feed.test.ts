// Issue 9: the audit timeline (who, what, when, why) and durable feeds that resume exactly where
// a service stopped.
import { describe, expect, it } from 'vitest';
import { createMemoryDirectory, createOneNumber, type ChannelEvent } from '../src';
import { createMemoryStorage } from '../../storage-memory/src';

const number = '+81312345678';
const customer = '+819012345678';
const directory = () =>
  createMemoryDirectory({
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [
      { org: 'acme', id: 'c', name: 'Chie', access: ['desk', 'crm'] },
      { org: 'acme', id: 'd', name: 'Dan', access: ['desk', 'crm'] },
    ],
    numbers: [{ number, verified: true }],
  });
const tick = () => new Promise((r) => setTimeout(r, 10));
/** The memory storage and the directory it decides with (R33). */
const world = () => {
  const facts = directory();
  return { storage: createMemoryStorage({ directory: facts }), directory: facts };
};

describe('timeline', () => {
  it('issue 9, R23: shows the assignment, the confirmation asked for, and the confirmed assignment; parent only', async () => {
    const onenumber = createOneNumber(world());
    for (const service of ['crm', 'desk']) await onenumber.connect({ org: 'acme', service, number });
    await onenumber.receive({ number, customer, text: 'canary-inbound-ok' });
    await onenumber.assign({ org: 'acme', service: 'crm', agent: 'c', number, customer });
    expect((await onenumber.assign({ org: 'acme', service: 'desk', agent: 'd', number, customer })).status).toBe(
      'confirmation-required',
    );
    await onenumber.assign({ org: 'acme', service: 'desk', agent: 'd', number, customer, confirm: true });
    await onenumber.reply({ org: 'acme', service: 'desk', agent: 'd', number, customer, text: 'canary-desk-secret' });
    const { entries, next } = await onenumber.timeline({ org: 'acme', service: 'crm', number });
    expect(
      entries
        .filter((e) => ['assigned', 'confirmation-requested'].includes(e.what))
        .map((e) => `${e.what}:${e.service}:${e.agent}:${e.why}`),
    ).toEqual([
      'assigned:crm:c:assign',
      // R33: the parent reads that desk's agent asked and took it over, not who
      'confirmation-requested:desk:null:held-in-crm',
      'assigned:desk:null:confirmed',
    ]);
    expect(next).toBeNull();
    expect(JSON.stringify(entries)).not.toContain('canary');
    await expect(onenumber.timeline({ org: 'acme', service: 'desk', number })).rejects.toMatchObject({
      code: 'NOT_PARENT',
    });
    const first = await onenumber.timeline({ org: 'acme', service: 'crm', number, limit: 2 });
    expect(first.next).toBe(first.entries[1]!.id);
    const second = await onenumber.timeline({ org: 'acme', service: 'crm', number, after: first.next!, limit: 2 });
    expect(second.entries[0]!.id).toBe(entries[2]!.id);
  });

  it('NOT_SUPPORTED when the storage keeps no timeline', async () => {
    const onenumber = createOneNumber({
      ...world(),
      storage: { ...world().storage, timeline: undefined },
    });
    await onenumber.connect({ org: 'acme', service: 'crm', number });
    await expect(onenumber.timeline({ org: 'acme', service: 'crm', number })).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
    });
  });
});

describe('durable feed', () => {
  it('issue 9: after downtime a service receives what it missed, each event once, and nothing it handled', async () => {
    const { storage, directory: facts } = world();
    const onenumber = createOneNumber({ storage, directory: facts });
    await onenumber.connect({ org: 'acme', service: 'crm', number });
    const texts = (events: ChannelEvent[]) =>
      events.flatMap((e) => (e.type === 'messageReceived' ? [e.message.text] : []));
    const seen: ChannelEvent[] = [];
    let feed = onenumber.feed({ org: 'acme', service: 'crm', durable: true });
    feed.on('event', (e) => seen.push(e));
    await tick();
    await onenumber.receive({ number, customer, text: 'one', id: 'w1' });
    await tick();
    feed.close(); // the service goes down
    await onenumber.receive({ number, customer, text: 'two', id: 'w2' });
    await onenumber.receive({ number, customer, text: 'three', id: 'w3' });
    feed = onenumber.feed({ org: 'acme', service: 'crm', durable: true }); // and comes back
    feed.on('event', (e) => seen.push(e));
    await tick();
    await onenumber.receive({ number, customer, text: 'four', id: 'w4' });
    await tick();
    feed.close();
    expect(texts(seen)).toEqual(['one', 'two', 'three', 'four']);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(await storage.loadCursor!({ org: 'acme', service: 'crm' })).toBe(seen.at(-1)!.id);
  });

  it('a durable feed on a storage without cursors is NOT_SUPPORTED', () => {
    const onenumber = createOneNumber({
      ...world(),
      storage: { ...world().storage, loadCursor: undefined },
    });
    expect(() => onenumber.feed({ org: 'acme', service: 'crm', durable: true })).toThrow(/durable cursors/);
  });
});
