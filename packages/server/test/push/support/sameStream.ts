// R34 promises order within a conversation (channel events: within their channel), not across
// them: deliveries of different conversations run concurrently. A delivered sequence matches a
// stream when it holds the same events and each lane's events arrive in the stream's order.
import { expect } from 'vitest';

type StreamEvent = { id: string; conversation?: string | null; channel?: string | null };

const laneOf = (event: StreamEvent) =>
  event.conversation ? `conversation:${event.conversation}` : `channel:${event.channel}`;

const byLane = (events: readonly StreamEvent[]) => {
  const lanes = new Map<string, string[]>();
  for (const event of events) {
    const lane = laneOf(event);
    lanes.set(lane, [...(lanes.get(lane) ?? []), event.id]);
  }
  return Object.fromEntries(lanes);
};

export function expectSameStream<E extends StreamEvent>(delivered: readonly E[], stream: readonly E[]): void {
  const byId = (a: E, b: E) => Number(a.id) - Number(b.id);
  expect([...delivered].sort(byId)).toEqual([...stream].sort(byId));
  expect(byLane(delivered)).toEqual(byLane(stream));
}
