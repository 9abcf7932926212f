// R15, R37: checks one fixture through a running server: a signed POST answered 200, each message
// stored under its customer with its type, text and typed content (raw.onenumber) as every member
// sees it through `view` (shared channel and the isolated one, R15, R26), and the counters moved.
import type { MessageView } from '@onenumber/core';
import { expect } from 'vitest';
import type { Fixture } from '../fixtures/fixtures';
import { N, type Service, type WhatsAppWorld } from './world';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export async function checkFixture(world: WhatsAppWorld, fixture: Fixture, services: Service[] = ['desk', 'books']) {
  const before = (await world.report()).webhook;
  const answer = await world.deliver(fixture.payload);
  expect(answer.status, `${fixture.name}: ${JSON.stringify(answer.body)}`).toBe(200);
  for (const expected of fixture.expect.messages) {
    for (const service of services) {
      const messages: MessageView[] = await world.view(service, N, expected.customer);
      const stored = messages.find((m) => (m.raw as { id?: string } | null)?.id === expected.id);
      expect(stored, `${fixture.name} in ${service}`).toBeDefined();
      expect(stored, fixture.name).toMatchObject({
        direction: 'in',
        status: 'received',
        type: expected.type,
        text: expected.text,
        raw: { onenumber: { kind: expected.kind, summary: expect.any(String), ...(expected.content ?? {}) } },
      });
    }
  }
  const after = (await world.report()).webhook;
  expect(after.accepted, fixture.name).toBe(before.accepted + 1);
  expect(after.messages.received, fixture.name).toBe(before.messages.received + fixture.expect.messages.length);
  expect(after.notes.unattributed - before.notes.unattributed, fixture.name).toBe(
    fixture.expect.messages.filter((m) => m.unattributed).length,
  );
  expect(total(after.statuses) - total(before.statuses), fixture.name).toBe(fixture.expect.statuses ?? 0);
  expect(after.notes.errors - before.notes.errors, fixture.name).toBe(fixture.expect.errors ?? 0);
  if (fixture.expect.field)
    expect(after.fields[fixture.expect.field], fixture.name).toBe((before.fields[fixture.expect.field] ?? 0) + 1);
  expect(after.notes.rejected, fixture.name).toBe(before.notes.rejected);
}
