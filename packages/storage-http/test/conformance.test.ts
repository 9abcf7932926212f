// The one conformance suite on ChannelStorage over HTTP, each test against a fresh real server
// on a free port and a fresh SQLite file (admin token: the suite asserts records directly, as a trusted operator may).
import type { ChannelStorage } from '@onenumber/core';
import { describeStorage } from '@onenumber/storage-testkit';
import { openHttpStorage } from '../src';
import { adminToken, serverForTests } from './support/server';

describeStorage(
  'http',
  async (): Promise<ChannelStorage> => {
    const server = await serverForTests();
    const storage = await openHttpStorage({ url: server.url, token: adminToken });
    return {
      ...storage,
      async close() {
        await storage.close?.();
        await server.close();
      },
    };
  },
  { timeout: 20_000 },
);
