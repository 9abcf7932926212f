// Issue 9: canReply answers before sending; previewLeave shows succession without changing it.
import { describe, expect, it } from 'vitest';
import { createMemoryDirectory, createOneNumber } from '../src';
import { createMemoryStorage } from '../../storage-memory/src';

const number = '+81312345678';
const customer = '+819012345678';

function world(start = Date.parse('2026-03-01T09:00:00Z')) {
  let now = start;
  const directory = createMemoryDirectory({
    orgs: [{ id: 'acme', plan: 'zoho-one' }],
    agents: [
      { org: 'acme', id: 'a', name: 'Aiko', access: ['crm'] },
      { org: 'acme', id: 'b', name: 'Ben', access: ['desk'] },
      { org: 'acme', id: 'b2', name: 'Bea', access: ['desk'] },
    ],
    numbers: [{ number, verified: true }],
  });
  const onenumber = createOneNumber({
    storage: createMemoryStorage({ directory }),
    clock: () => new Date(now),
    directory,
  });
  return { onenumber, advance: (ms: number) => (now += ms) };
}

describe('canReply', () => {
  it('R24: ok for an unassigned conversation, and says the reply will assign', async () => {
    const { onenumber } = world();
    for (const service of ['crm', 'desk']) await onenumber.connect({ org: 'acme', service, number });
    await onenumber.receive({ number, customer, text: 'hi' });
    expect(await onenumber.canReply({ org: 'acme', service: 'crm', agent: 'a', number, customer })).toEqual({
      ok: true,
      assigns: true,
    });
  });

  it('R24, R25: answers each refusal with its reason instead of failing after typing', async () => {
    const { onenumber } = world();
    for (const service of ['crm', 'desk']) await onenumber.connect({ org: 'acme', service, number });
    await onenumber.receive({ number, customer, text: 'hi' });
    await onenumber.reply({ org: 'acme', service: 'crm', agent: 'a', number, customer, text: 'crm answers' });
    const ask = (service: string, agent: string) =>
      onenumber.canReply({ org: 'acme', service, agent, number, customer });
    expect(await ask('desk', 'b')).toMatchObject({ ok: false, reason: 'ASSIGNMENT_REQUIRED', templateAllowed: false });
    expect(await ask('desk', 'a')).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
    await onenumber.assign({ org: 'acme', service: 'desk', agent: 'b', number, customer });
    expect(await ask('desk', 'b2')).toMatchObject({ ok: false, reason: 'ASSIGNED_TO_ANOTHER_AGENT' });
    expect(await ask('desk', 'b')).toEqual({ ok: true, assigns: false });
    await onenumber.disable({ org: 'acme', service: 'desk', number });
    expect(await ask('desk', 'b')).toMatchObject({ ok: false, reason: 'MEMBERSHIP_DISABLED' });
  });

  it('WINDOW_CLOSED: after 24 hours without a customer message, only a template may go', async () => {
    const { onenumber, advance } = world();
    await onenumber.connect({ org: 'acme', service: 'crm', number });
    await onenumber.receive({ number, customer, text: 'hi' });
    advance(24 * 3_600_000 + 1);
    expect(await onenumber.canReply({ org: 'acme', service: 'crm', agent: 'a', number, customer })).toMatchObject({
      ok: false,
      reason: 'WINDOW_CLOSED',
      templateAllowed: true,
    });
    await expect(
      onenumber.reply({ org: 'acme', service: 'crm', agent: 'a', number, customer, text: 'late' }),
    ).rejects.toMatchObject({ code: 'WINDOW_CLOSED' });
    await onenumber.receive({ number, customer, text: 'again' });
    expect((await onenumber.canReply({ org: 'acme', service: 'crm', agent: 'a', number, customer })).ok).toBe(true);
  });

  it('R27: bad input still throws INVALID_INPUT naming the field', async () => {
    const { onenumber } = world();
    await expect(
      onenumber.canReply({ org: 'acme', service: 'crm', agent: 'a', number, customer: 5 } as never),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'customer' });
  });
});

describe('previewLeave', () => {
  it('R11: shows the next parent if the parent left, and changes nothing', async () => {
    const { onenumber } = world();
    for (const service of ['crm', 'desk', 'salesiq']) await onenumber.connect({ org: 'acme', service, number });
    const preview = await onenumber.previewLeave({ org: 'acme', service: 'crm', number, action: 'remove' });
    expect(preview).toEqual({
      service: 'crm',
      action: 'remove',
      changes: true,
      parentBefore: 'crm',
      parentAfter: 'desk',
      closes: false,
      membersAfter: [
        { service: 'desk', role: 'parent' },
        { service: 'salesiq', role: 'child' },
      ],
    });
    expect((await onenumber.members({ org: 'acme', number })).members[0]).toEqual({ service: 'crm', role: 'parent' });
    const removed = await onenumber.remove({ org: 'acme', service: 'crm', number });
    expect(removed.members).toEqual(preview.membersAfter);
  });

  it('R11, R13, R10: a child leaving keeps the parent; the last leaving closes; a disabled one disabling changes nothing', async () => {
    const { onenumber } = world();
    for (const service of ['crm', 'desk']) await onenumber.connect({ org: 'acme', service, number });
    expect(await onenumber.previewLeave({ org: 'acme', service: 'desk', number, action: 'disable' })).toMatchObject({
      parentAfter: 'crm',
      closes: false,
      changes: true,
    });
    await onenumber.disable({ org: 'acme', service: 'desk', number });
    expect(await onenumber.previewLeave({ org: 'acme', service: 'desk', number, action: 'disable' })).toMatchObject({
      changes: false,
      parentAfter: 'crm',
    });
    expect(await onenumber.previewLeave({ org: 'acme', service: 'crm', number, action: 'disable' })).toMatchObject({
      parentAfter: null,
      membersAfter: [],
      closes: true,
    });
    await expect(
      onenumber.previewLeave({ org: 'acme', service: 'salesiq', number, action: 'remove' }),
    ).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});
