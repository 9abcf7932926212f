// R15, R27, R36, R37 (issue 18): every delivery the Cloud API sends in 2026, as Meta documents it
// (fixtures/, one file per message type, status, system message and webhook field), signed and
// posted to a running server on SQLite: 200, stored under the right customer for every member
// (R15, R26), with its typed kind and one-line summary visible through `view`; statuses, errors
// and other fields acknowledged and counted, never refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './fixtures/fixtures';
import { checkFixture } from './fixtures/checkFixture';
import { whatsappWorld, type WhatsAppWorld } from './support/world';

let world: WhatsAppWorld;
beforeAll(async () => {
  world = await whatsappWorld();
}, 60_000);
afterAll(() => world.close());

describe('R15, R37: every documented delivery is answered 200 and stored or counted (SQLite)', () => {
  it('has a fixture for every kind, status and field, each citing its section of Meta’s reference', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    for (const f of fixtures) expect(f.documentation, f.name).toMatch(/^Meta Cloud API webhook reference/);
    const kinds = new Set(fixtures.flatMap((f) => f.expect.messages.map((m) => m.kind)));
    for (const kind of ['text', 'image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contacts'])
      expect(kinds).toContain(kind);
    for (const kind of ['reply', 'order', 'referral', 'reaction', 'edit', 'revoke', 'system', 'unsupported'])
      expect(kinds).toContain(kind);
  });

  for (const fixture of fixtures) {
    it(`R15: ${fixture.name} (${fixture.documentation.replace(/^Meta Cloud API webhook reference, /, '')})`, async () => {
      await checkFixture(world, fixture);
    }, 20_000);
  }

  it('R15: the whole set delivered again is answered 200 and stores nothing twice', async () => {
    const before = (await world.report()).webhook.messages;
    for (const fixture of fixtures) expect((await world.deliver(fixture.payload)).status, fixture.name).toBe(200);
    const after = (await world.report()).webhook.messages;
    expect(after.received).toBe(before.received);
    expect(after.duplicates - before.duplicates).toBe(fixtures.reduce((n, f) => n + f.expect.messages.length, 0));
  }, 60_000);
});
