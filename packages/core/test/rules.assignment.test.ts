// R21..R25 through the public API: one assignee per service, notices, confirmation, replies, access.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OneNumber } from '../src';
import { C1, N1, N2, connectAll, eventsOf, makeWorld, refusal } from './support/world';

const on = { org: 'acme', number: N1, customer: C1 } as const;
let one: OneNumber;

beforeEach(async () => {
  ({ one } = makeWorld());
  await connectAll(one, N1, ['crm', 'desk', 'salesiq']);
  await one.receive({ number: N1, customer: C1, text: 'hello', id: 'w1' });
});

describe('assignment and access (R21..R25)', () => {
  it('R21: one assignee per service; assigning in one service never changes another', async () => {
    await one.assign({ ...on, service: 'crm', agent: 'a' });
    await one.assign({ ...on, service: 'desk', agent: 'b' });
    await one.assign({ ...on, service: 'desk', agent: 'c', confirm: true });
    expect((await one.view({ ...on, service: 'crm', agent: 'a' })).assignee).toBe('a');
    expect((await one.view({ ...on, service: 'desk', agent: 'b' })).assignee).toBe('c');
    expect((await one.view({ ...on, service: 'salesiq', agent: 's' })).assignee).toBeNull();
    // Another service learns that an assignment changed, not who holds it (R17, R22).
    const changes = (await eventsOf(one, 'salesiq')).filter((e) => e.type === 'assignmentChanged');
    expect(changes.map((e) => [e.subject, e.agent])).toEqual([
      ['crm', null],
      ['desk', null],
      ['desk', null],
    ]);
    const own = (await eventsOf(one, 'desk')).filter((e) => e.type === 'assignmentChanged' && e.subject === 'desk');
    expect(own.map((e) => (e.type === 'assignmentChanged' ? e.agent : ''))).toEqual(['b', 'c']);
  });

  it('R22: viewing is never blocked; the notice says "another agent" without access to the other service', async () => {
    await one.assign({ ...on, service: 'crm', agent: 'a' });
    const view = await one.view({ ...on, service: 'desk', agent: 'b' });
    expect(view.messages).toHaveLength(1);
    expect(view.notice).toMatchObject({ code: 'ASSIGNED_IN_OTHER_SERVICE', service: 'crm', agent: null });
    expect(view.notice!.messages.en).toContain('another agent');
    expect(view.notice!.messages.en).toMatch(/assign it to yourself/);
    expect(view.notice!.messages.ja).toContain('別の担当者');
    expect(JSON.stringify(view.notice)).not.toContain('Agent A');
  });

  it('R22: the notice names the agent, in English and Japanese, when the viewer has access to that service', async () => {
    await one.assign({ ...on, service: 'crm', agent: 'a' });
    const view = await one.view({ ...on, service: 'desk', agent: 'c' });
    expect(view.notice).toMatchObject({ code: 'ASSIGNED_IN_OTHER_SERVICE', service: 'crm', agent: 'Agent A' });
    expect(view.notice!.messages.en).toContain('Agent A');
    expect(view.notice!.messages.ja).toContain('Agent A');
    expect(view.notice!.messages.ja).toMatch(/[\u3040-\u30ff]/);
    expect(view.notice!.messages.en).not.toBe(view.notice!.messages.ja);
  });

  it('R22: no notice when the viewer holds it here, or nobody else holds it; the earliest other hold counts', async () => {
    expect((await one.view({ ...on, service: 'desk', agent: 'b' })).notice).toBeNull();
    await one.assign({ ...on, service: 'crm', agent: 'c' });
    expect((await one.view({ ...on, service: 'desk', agent: 'c' })).notice).toBeNull(); // held by the viewer elsewhere
    await one.assign({ ...on, service: 'salesiq', agent: 's' });
    expect((await one.view({ ...on, service: 'desk', agent: 'd' })).notice).toMatchObject({
      service: 'crm',
      agent: 'Agent C',
    });
    await one.assign({ ...on, service: 'desk', agent: 'b', confirm: true });
    expect((await one.view({ ...on, service: 'desk', agent: 'b' })).notice).toBeNull();
    expect((await one.view({ ...on, service: 'desk', agent: 'd' })).notice).toMatchObject({ service: 'crm' });
  });

  it('R23: with both agents having access to both services, assigning needs an explicit confirmation', async () => {
    await one.assign({ ...on, service: 'crm', agent: 'c' });
    const first = await one.assign({ ...on, service: 'desk', agent: 'd' });
    expect(first).toMatchObject({
      status: 'confirmation-required',
      notice: { code: 'ASSIGNED_IN_OTHER_SERVICE', agent: 'Agent C' },
    });
    expect((await one.view({ ...on, service: 'desk', agent: 'd' })).assignee).toBeNull();
    expect(await one.assign({ ...on, service: 'desk', agent: 'd', confirm: true })).toEqual({ status: 'assigned' });
    expect((await one.view({ ...on, service: 'desk', agent: 'd' })).assignee).toBe('d');
    expect((await one.view({ ...on, service: 'crm', agent: 'c' })).assignee).toBe('c');
  });

  it('R23: otherwise it is done at once; within a service it reassigns at once', async () => {
    await one.assign({ ...on, service: 'crm', agent: 'a' }); // a has crm only
    expect(await one.assign({ ...on, service: 'desk', agent: 'd' })).toEqual({ status: 'assigned' });
    expect(await one.assign({ ...on, service: 'desk', agent: 'b' })).toEqual({ status: 'assigned' });
    expect((await one.view({ ...on, service: 'desk', agent: 'b' })).assignee).toBe('b');
    expect(await one.assign({ ...on, service: 'desk', agent: 'b' })).toEqual({ status: 'assigned' });
  });

  it('R23: assignments of a service whose membership is not active count for nothing until it is enabled', async () => {
    await one.assign({ ...on, service: 'crm', agent: 'c' });
    await one.disable({ org: 'acme', service: 'crm', number: N1 });
    expect((await one.view({ ...on, service: 'desk', agent: 'd' })).notice).toBeNull();
    await one.enable({ org: 'acme', service: 'crm', number: N1 });
    expect((await one.view({ ...on, service: 'desk', agent: 'd' })).notice).toMatchObject({
      service: 'crm',
      agent: 'Agent C',
    });
    await one.disable({ org: 'acme', service: 'crm', number: N1 });
    expect(await one.assign({ ...on, service: 'desk', agent: 'd' })).toEqual({ status: 'assigned' }); // no confirmation
    await refusal(one.reply({ ...on, service: 'salesiq', agent: 's', text: 'x' }), 'ASSIGNMENT_REQUIRED'); // desk holds it
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await one.reply({ ...on, service: 'salesiq', agent: 's', text: 'salesiq answers' }); // nothing active holds it
    expect((await one.view({ ...on, service: 'salesiq', agent: 's' })).assignee).toBe('s');
  });

  it('R24: replying where nobody holds it assigns the replier', async () => {
    await one.reply({ ...on, service: 'desk', agent: 'b', text: 'on it' });
    expect((await one.view({ ...on, service: 'desk', agent: 'b' })).assignee).toBe('b');
  });

  it('R24: replying where another agent of another service holds it needs an assignment first', async () => {
    await one.assign({ ...on, service: 'crm', agent: 'a' });
    await refusal(one.reply({ ...on, service: 'desk', agent: 'b', text: 'too early' }), 'ASSIGNMENT_REQUIRED');
    await one.assign({ ...on, service: 'desk', agent: 'b' });
    await one.reply({ ...on, service: 'desk', agent: 'b', text: 'now' });
    const view = await one.view({ ...on, service: 'desk', agent: 'b' });
    expect(view.messages.map((m) => m.text)).toEqual(['hello', 'now']);
  });

  it('R24: replying where another agent of the same service holds it is refused', async () => {
    await one.assign({ ...on, service: 'desk', agent: 'b' });
    await refusal(one.reply({ ...on, service: 'desk', agent: 'c', text: 'mine?' }), 'ASSIGNED_TO_ANOTHER_AGENT');
    expect((await one.view({ ...on, service: 'desk', agent: 'c' })).messages).toHaveLength(1);
  });

  it('R25: an agent acts only in services they have access to', async () => {
    await refusal(one.reply({ ...on, service: 'desk', agent: 'a', text: 'x' }), 'FORBIDDEN');
    await refusal(one.view({ ...on, service: 'desk', agent: 'a' }), 'FORBIDDEN');
    await refusal(one.assign({ ...on, service: 'salesiq', agent: 'b' }), 'FORBIDDEN');
    await refusal(one.view({ ...on, service: 'crm', agent: 'x' }), 'UNKNOWN_AGENT'); // x belongs to beta
  });

  it('R25: a service acts only on channels it is an active member of', async () => {
    await refusal(one.view({ ...on, service: 'campaigns', agent: 'all' }), 'NOT_CONNECTED');
    await refusal(one.reply({ ...on, number: N2, service: 'crm', agent: 'a', text: 'x' }), 'NOT_CONNECTED');
    await refusal(one.configure({ org: 'acme', service: 'campaigns', number: N1, settings: {} }), 'NOT_CONNECTED');
    await one.disable({ org: 'acme', service: 'desk', number: N1 });
    await refusal(one.view({ ...on, service: 'desk', agent: 'b' }), 'MEMBERSHIP_DISABLED');
    await refusal(one.reply({ ...on, service: 'desk', agent: 'b', text: 'x' }), 'MEMBERSHIP_DISABLED');
    await refusal(one.assign({ ...on, service: 'desk', agent: 'b' }), 'MEMBERSHIP_DISABLED');
    await one.remove({ org: 'acme', service: 'salesiq', number: N1 });
    await refusal(one.view({ ...on, service: 'salesiq', agent: 's' }), 'NOT_CONNECTED');
  });
});
