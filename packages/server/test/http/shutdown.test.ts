// Graceful shutdown: no new connections, in-flight requests finish, streams end, the database
// closes last.
import { describe, expect, it } from 'vitest';
import { adminToken, testServer } from './support/server';
import { sqliteDatabase } from './support/tempFiles';

describe('close()', () => {
  it('finishes an in-flight request, then closes the database; later requests cannot connect', async () => {
    const order: string[] = [];
    const db = sqliteDatabase();
    const connect = db.storage.connect.bind(db.storage);
    let started!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));
    db.storage.connect = async (input) => {
      started();
      await new Promise((r) => setTimeout(r, 300));
      const out = await connect(input);
      order.push('answered');
      return out;
    };
    const close = db.close;
    db.close = async () => {
      order.push('db closed');
      await close();
    };
    const server = await testServer({ db });
    const pending = server.call('POST', '/v1/storage/connect', adminToken, {
      org: 'acme',
      number: '+81312345678',
      service: 'crm',
      mode: 'shared',
      reason: 'bundle',
      at: '2026-01-01T09:00:00.000Z',
    });
    await inside;
    const closing = server.close();
    expect((await pending).status).toBe(200);
    await closing;
    expect(order).toEqual(['answered', 'db closed']);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    await server.close(); // twice is fine
  });
});
