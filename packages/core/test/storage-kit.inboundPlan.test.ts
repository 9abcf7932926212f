// Issue 17: planInbound, the rows of one inbound message planned whole from kept facts: one
// message per channel (R13) with the reserved id, delivered to each channel's active members
// (R15), one event per recipient projected for it (R20), and receive()'s answer.
import { describe, expect, it } from 'vitest';
import { deliverInbound, eventDrafts, inboundMessage, planInbound } from '../src/storage-kit';

const number = '+81312345678';
const at = '2026-01-01T00:00:00.000Z';
const member = (service: string, seq: number, state: 'active' | 'disabled' = 'active') => ({
  service,
  seq,
  state,
  policy: { showAgentName: false },
});
const input = { number, customer: 'c', providerId: 'w1', type: 'text', text: 'hi', raw: {}, at };
const shared = { id: 'ch_1', org: 'acme', number, mode: 'shared' as const };
const isolated = { id: 'ch_2', org: 'acme', number, mode: 'isolated' as const };

describe('planInbound', () => {
  it('R13, R15, R20: a message per channel with its reserved id, events per active member, the same as deciding channel by channel', () => {
    const channels = [
      { channel: shared, conversation: 'cv_1', memberships: [member('crm', 1), member('desk', 2, 'disabled')] },
      { channel: isolated, conversation: 'cv_2', memberships: [member('salesiq', 3)] },
    ];
    const plan = planInbound(input, 'acme', channels, ['msg_a', 'msg_b']);
    expect(plan.messages.map((m) => [m.id, m.channel, m.conversation, m.status])).toEqual([
      ['msg_a', 'ch_1', 'cv_1', 'received'],
      ['msg_b', 'ch_2', 'cv_2', 'received'],
    ]);
    expect(plan.outcome).toEqual({
      org: 'acme',
      duplicate: false,
      deliveries: [
        { channel: 'ch_1', mode: 'shared', conversation: 'cv_1', message: 'msg_a', services: ['crm'] },
        { channel: 'ch_2', mode: 'isolated', conversation: 'cv_2', message: 'msg_b', services: ['salesiq'] },
      ],
    });
    const oneByOne = channels.flatMap((c, i) =>
      eventDrafts(
        deliverInbound({
          channel: c.channel,
          customer: 'c',
          message: { ...inboundMessage(input, c.channel.id, c.conversation), id: ['msg_a', 'msg_b'][i]! },
          memberships: c.memberships,
        }).announcement,
      ),
    );
    expect(plan.drafts).toEqual(oneByOne);
    expect(plan.drafts.map((d) => d.service)).toEqual(['crm', 'salesiq']);
  });

  it('a number with no channel plans no rows', () => {
    expect(planInbound(input, 'acme', [], [])).toEqual({
      messages: [],
      drafts: [],
      outcome: { org: 'acme', duplicate: false, deliveries: [] },
    });
  });
});
