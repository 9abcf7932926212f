// The race check's R11 oracle can fail: wrong elections in a timeline are caught.
import type { TimelineEntry } from '@onenumber/core';
import { timelineDraft } from '@onenumber/core/storage-kit';
import { expect, it } from 'vitest';
import { replayTimeline } from '../src/checks/replayTimeline';

let id = 0;
const e = (what: TimelineEntry['what'], extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: String(++id),
  ...timelineDraft({ channel: 'c', at: 'now', what, why: 'x', ...extra }),
});

it('R11: a clean timeline replays with no failure', () => {
  const t = [
    e('joined', { service: 'crm' }),
    e('elected', { from: null, to: 'crm' }),
    e('joined', { service: 'desk' }),
    e('disabled', { service: 'crm' }),
    e('elected', { from: 'crm', to: 'desk' }),
    e('enabled', { service: 'crm' }),
  ];
  expect(replayTimeline(t)).toEqual({ parent: 'desk', failures: [] });
});

it('R11: taking the parent role back, electing the wrong member, or a missing election all fail', () => {
  const back = [
    e('joined', { service: 'crm' }),
    e('elected', { from: null, to: 'crm' }),
    e('joined', { service: 'desk' }),
    e('disabled', { service: 'crm' }),
    e('elected', { from: 'crm', to: 'desk' }),
    e('enabled', { service: 'crm' }),
    e('elected', { from: 'desk', to: 'crm' }),
  ];
  expect(replayTimeline(back).failures.length).toBeGreaterThan(0);
  const wrong = [
    e('joined', { service: 'crm' }),
    e('elected', { from: null, to: 'crm' }),
    e('joined', { service: 'desk' }),
    e('joined', { service: 'salesiq' }),
    e('removed', { service: 'crm' }),
    e('elected', { from: 'crm', to: 'salesiq' }),
  ];
  expect(replayTimeline(wrong).failures.join()).toContain('R11 chooses desk');
  const missing = [
    e('joined', { service: 'crm' }),
    e('elected', { from: null, to: 'crm' }),
    e('joined', { service: 'desk' }),
    e('removed', { service: 'crm' }),
  ];
  expect(replayTimeline(missing).failures.join()).toContain('owing an election');
});
