// The one conformance suite on ChannelStorage over HTTP, each test against a fresh real server
// on a free port and a fresh SQLite file (admin token: the suite asserts records directly, as a
// trusted operator may). The directory the server decides with is written through the admin
// routes (agents; R33: the policy overrides).
import { describeStorage } from '@onenumber/storage-testkit';
import { openHttpStorage } from '../src';
import { adminToken, admin, serverForTests } from './support/server';

describeStorage(
  'http',
  async ({ transport }) => {
    const server = await serverForTests();
    server.db.sendReplies(transport); // R38: as a configured WhatsApp sender turns it on (its worker not started)
    const storage = await openHttpStorage({ url: server.url, token: adminToken });
    const policyPath = (org: string, service: string) =>
      `/v1/admin/orgs/${encodeURIComponent(org)}/policies/${encodeURIComponent(service)}`;
    return {
      storage: {
        ...storage,
        async close() {
          await storage.close?.();
          await server.close();
        },
      },
      directory: {
        setAgent: (entry) => admin(server.url, 'PUT', '/v1/admin/agents', entry),
        setPolicy: (org, service, policy) =>
          policy
            ? admin(server.url, 'PUT', policyPath(org, service), policy)
            : admin(server.url, 'DELETE', policyPath(org, service)),
      },
    };
  },
  { timeout: 20_000 },
);
