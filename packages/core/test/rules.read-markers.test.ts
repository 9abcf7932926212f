// R39 through the public API: markRead by any agent of an active member service (R25) moves that
// service's read marker and assigns nobody; refusals come in the documented order.
import { describe, expect, it } from 'vitest';
import { decideMarkRead, unreadAfter } from '../src/storage-kit';
import { C1, C2, N1, connectAll, makeWorld, refusal } from './support/world';

const on = { org: 'acme', number: N1, customer: C1 };

describe('read markers (R39)', () => {
  it('R39: markRead moves the service’s marker forward only, per service, and assigns nobody', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'hello', id: 'w1' });
    expect(await one.markRead({ ...on, service: 'crm', agent: 'a' })).toMatchObject({
      ok: true,
      moved: true,
      receipt: false, // the memory storage has no transport
    });
    expect(await one.markRead({ ...on, service: 'crm', agent: 'a', typing: true })).toMatchObject({ moved: false });
    expect(await one.markRead({ ...on, service: 'desk', agent: 'b' })).toMatchObject({ moved: true });
    await one.receive({ number: N1, customer: C1, text: 'again', id: 'w2' });
    expect(await one.markRead({ ...on, service: 'crm', agent: 'c' })).toMatchObject({ moved: true });
    const seen = await one.view({ ...on, service: 'crm', agent: 'a' });
    expect(seen.assignee).toBeNull();
  });

  it('R25, R39: an agent without access, a disabled member, an unknown conversation and a bad input are refused', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'hello', id: 'w1' });
    await refusal(one.markRead({ ...on, service: 'crm', agent: 'b' }), 'FORBIDDEN');
    await refusal(one.markRead({ ...on, service: 'crm', agent: 'nobody' }), 'UNKNOWN_AGENT');
    await refusal(one.markRead({ ...on, customer: C2, service: 'crm', agent: 'a' }), 'UNKNOWN_CONVERSATION');
    await refusal(one.markRead({ ...on, service: 'crm', agent: 'a', typing: 'yes' as never }), 'INVALID_INPUT');
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await refusal(one.markRead({ ...on, service: 'desk', agent: 'b' }), 'MEMBERSHIP_DISABLED');
  });

  it('R39: the decision: forward only; a receipt once per inbound message with a provider id, only with a transport', () => {
    const last = { id: 'm3', pos: 3 };
    const inbound = { id: 'm2', pos: 2, providerId: 'wamid.2' };
    const facts = { marker: null, last, lastInbound: inbound, receipted: null, transport: true };
    expect(decideMarkRead(facts)).toEqual({ marker: 3, moved: true, receipt: inbound });
    expect(decideMarkRead({ ...facts, marker: 3, receipted: 2 })).toEqual({ marker: 3, moved: false, receipt: null });
    expect(decideMarkRead({ ...facts, marker: 5 })).toMatchObject({ marker: 5, moved: false });
    expect(decideMarkRead({ ...facts, transport: false }).receipt).toBeNull();
    expect(decideMarkRead({ ...facts, lastInbound: { ...inbound, providerId: null } }).receipt).toBeNull();
    expect(decideMarkRead({ ...facts, last: null, lastInbound: null })).toEqual({
      marker: null,
      moved: false,
      receipt: null,
    });
    expect(unreadAfter(null, [1, 2])).toBe(2);
    expect(unreadAfter(1, [1, 2, 4])).toBe(2);
  });
});

describe('the conversation list (issue 21)', () => {
  it('lists for an active member only, newest first, with unread after its own marker', async () => {
    const { one } = makeWorld();
    await connectAll(one, N1, ['crm', 'desk']);
    await one.receive({ number: N1, customer: C1, text: 'first', id: 'l1', at: '2026-01-01T09:01:00.000Z' });
    await one.receive({ number: N1, customer: C2, text: 'second', id: 'l2', at: '2026-01-01T09:02:00.000Z' });
    await one.markRead({ ...on, service: 'desk', agent: 'b' });
    const page = await one.conversations({ org: 'acme', service: 'desk', number: N1 });
    expect(page.conversations.map((c) => [c.customer, c.unread])).toEqual([
      [C2, 1],
      [C1, 0],
    ]);
    expect(page.next).toBeNull();
    await refusal(one.conversations({ org: 'acme', service: 'salesiq', number: N1 }), 'NOT_CONNECTED');
    await refusal(one.conversations({ org: 'acme', service: 'desk', number: N1, limit: 0 }), 'INVALID_INPUT');
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await refusal(one.conversations({ org: 'acme', service: 'desk', number: N1 }), 'MEMBERSHIP_DISABLED');
  });
});
