// Issue 9's scenario ops: can-reply, preview-leave, timeline, events. Results leave out what
// differs between runs (times, raw ids), so memory and http runs print the same document.
import { OneNumberError, type ChannelEvent, type TimelineEntry } from '@onenumber/core';
import type { ScenarioApi } from './backend';
import type { Labels, StepResult } from './runStep';
import type { Step } from './schema';

type BeyondStep = Extract<Step, { op: 'can-reply' | 'preview-leave' | 'timeline' | 'events' }>;

const entryShape = (e: TimelineEntry) => ({
  what: e.what,
  service: e.service,
  agent: e.agent,
  from: e.from,
  to: e.to,
  status: e.status,
  why: e.why,
});

function eventShape(e: ChannelEvent): Record<string, unknown> {
  switch (e.type) {
    case 'messageReceived':
    case 'messageSent':
      return {
        type: e.type,
        customer: e.customer,
        message: {
          direction: e.message.direction,
          service: e.message.service,
          text: e.message.text,
          masked: e.message.masked,
        },
      };
    case 'messageReacted':
      return { type: e.type, customer: e.customer, target: e.target, emoji: e.emoji };
    case 'messageEdited':
      return { type: e.type, customer: e.customer, target: e.target, text: e.text };
    case 'messageRevoked':
      return { type: e.type, customer: e.customer, target: e.target };
    case 'statusChanged':
      return { type: e.type, status: e.status };
    case 'parentChanged':
      return { type: e.type, from: e.from, to: e.to, cause: e.cause };
    case 'membershipChanged':
      return { type: e.type, subject: e.subject, state: e.state };
    case 'assignmentChanged':
      return { type: e.type, subject: e.subject, agent: e.agent };
  }
}

/** `after` names an earlier `timeline` or `events` step (its last cursor). */
function cursorOf(labels: Labels, label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const cursor = labels.get(label)?.cursor;
  if (typeof cursor !== 'string')
    throw new OneNumberError('UNKNOWN_LABEL', `No earlier timeline or events step is labelled "${label}".`, {
      field: 'after',
    });
  return cursor;
}

export async function runBeyondStep(
  api: ScenarioApi,
  step: BeyondStep,
  org: string,
  labels: Labels,
): Promise<StepResult> {
  switch (step.op) {
    case 'can-reply':
      return {
        ...(await api.canReply({
          org,
          service: step.service,
          agent: step.agent,
          number: step.number,
          customer: step.customer,
        })),
      };
    case 'preview-leave': {
      const p = await api.previewLeave({ org, service: step.service, number: step.number, action: step.action });
      return { changes: p.changes, parentAfter: p.parentAfter, membersAfter: p.membersAfter, closes: p.closes };
    }
    case 'timeline': {
      const after = cursorOf(labels, step.after);
      const t = await api.timeline({
        org,
        service: step.service,
        number: step.number,
        ...(after ? { after } : {}),
        ...(step.limit ? { limit: step.limit } : {}),
      });
      // The cursor is kept for later steps (`after`) but not shown: ids are opaque.
      return { entries: t.entries.map(entryShape), cursor: t.entries.at(-1)?.id ?? after ?? null };
    }
    case 'events': {
      const after = cursorOf(labels, step.after);
      const events = await api.events({
        org,
        service: step.service,
        ...(after ? { after } : {}),
        ...(step.limit ? { limit: step.limit } : {}),
      });
      return { events: events.map(eventShape), cursor: events.at(-1)?.id ?? after ?? null };
    }
  }
}
