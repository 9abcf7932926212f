// The conversation list's count while no unread read exists: the customer's messages since the
// viewing service last replied (another service's reply does not answer for it).
import type { MessageView } from '@onenumber/core';
import { describe, expect, it } from 'vitest';
import { waitingOf } from '../src/conversations';

let next = 0;
const message = (direction: 'in' | 'out', service: string | null = null) =>
  ({ id: `m${++next}`, direction, service, masked: false }) as unknown as MessageView;

describe('waitingOf', () => {
  it('counts every customer message when the service never replied', () => {
    expect(waitingOf([message('in'), message('in')], 'desk')).toBe(2);
  });

  it('starts again after the service’s own reply, not after another service’s', () => {
    const history = [message('in'), message('out', 'desk'), message('in'), message('out', 'crm'), message('in')];
    expect(waitingOf(history, 'desk')).toBe(2);
    expect(waitingOf(history, 'crm')).toBe(1);
    expect(waitingOf(history, 'salesiq')).toBe(3);
  });

  it('is zero when the service replied last or nothing was written', () => {
    expect(waitingOf([message('in'), message('out', 'desk')], 'desk')).toBe(0);
    expect(waitingOf([], 'desk')).toBe(0);
  });
});
