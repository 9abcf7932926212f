// The shared ChannelStorage conformance suite, unmodified, on a real PostgreSQL (a fresh schema per
// test), plus the same suite through two handles on one schema: writes through one replica,
// reads, decisions and subscriptions through the other.
import { describeStorage } from '@onenumber/storage-testkit';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import { startPostgres, type TestPostgres } from './support/cluster';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

describeStorage(
  'postgres',
  async ({ transport }) => {
    const db = await openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 4 } });
    db.sendReplies(transport); // R38: as a configured WhatsApp sender turns it on
    return { storage: db.storage, directory: db.directory };
  },
  { timeout: 30_000 },
);

/** Two replicas on one schema: every write through the first, every read and subscription through the second. */
describeStorage(
  'postgres (written on one replica, read on another)',
  async ({ transport }) => {
    const schema = postgres.schema();
    const writer = await openPostgresDatabase({ url: postgres.url, schema, pool: { max: 4 }, replicaId: 'writer' });
    const reader = await openPostgresDatabase({ url: postgres.url, schema, pool: { max: 4 }, replicaId: 'reader' });
    writer.sendReplies(transport); // R38: the writing replica has the sender
    const r = reader.storage;
    const storage = {
      ...writer.storage,
      findMembership: r.findMembership,
      channelInfo: r.channelInfo,
      conversation: r.conversation,
      decide: r.decide,
      view: r.view,
      events: r.events,
      subscribe: r.subscribe,
      timeline: r.timeline!,
      loadCursor: r.loadCursor!,
      close: async () => {
        await writer.close();
        await reader.close();
      },
    };
    return { storage, directory: writer.directory }; // the admin writes the directory on one, the other decides
  },
  { timeout: 30_000 },
);
