// R15, R37 (issue 18) on PostgreSQL: a representative set of the documented deliveries (text,
// media, voice, location, reaction, edit, revoke, a group, a username user, no sender at all, an
// identity change, a failed status, an echo field), signed and posted to a running server on
// PostgreSQL: 200, stored under the right customer with its typed kind, visible through `view`.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { checkFixture } from './fixtures/checkFixture';
import { fixture } from './fixtures/fixtures';
import { whatsappWorld, type WhatsAppWorld } from './support/world';

const subset = [
  'text',
  'image',
  'voice',
  'document',
  'location',
  'interactive-button-reply',
  'reaction',
  'reaction-removed',
  'edit',
  'revoke',
  'group-text',
  'username-only',
  'no-sender',
  'system-user-changed-number',
  'status-failed',
  'smb-message-echoes',
  'calls',
];

let postgres: TestPostgres;
let world: WhatsAppWorld;
beforeAll(async () => {
  postgres = await startPostgres();
  const db = await openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 4 } });
  world = await whatsappWorld({}, { db });
}, 180_000);
afterAll(async () => {
  await world?.close();
  await postgres?.stop();
}, 60_000);

describe('R15, R37: documented deliveries through the server on PostgreSQL', () => {
  for (const name of subset) {
    it(`R15: ${name} is answered 200 and stored with its typed kind`, async () => {
      await checkFixture(world, fixture(name));
    }, 30_000);
  }
});
