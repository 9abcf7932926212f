// A ServerDatabase in memory for the HTTP layer's tests until the SQLite one is used everywhere:
// the memory storage, a directory and a token store kept in maps.
import { createHash, randomBytes } from 'node:crypto';
import { createMemoryDirectory, type AgentEntry, type OrgEntry } from '@onenumber/core';
import { createMemoryStorage } from '@onenumber/storage-memory';
import type { IssuedToken, Principal, ServerDatabase } from '../../../src/db/ServerDatabase';

export function memoryDatabase(): ServerDatabase {
  const dir = createMemoryDirectory();
  const agents = new Map<string, AgentEntry>();
  const phoneIds = new Map<string, string>();
  const tokens = new Map<string, { id: string; hash: string; principal: Principal; createdAt: string }>();
  const hash = (t: string) => createHash('sha256').update(t).digest('hex');
  return {
    dialect: 'sqlite',
    storage: createMemoryStorage(),
    directory: {
      org: dir.org,
      agent: async (org, id) => agents.get(`${org}/${id}`) ?? null,
      number: dir.number,
      setOrg: async (e) => dir.setOrg(e) as OrgEntry,
      setAgent: async (e) => {
        agents.set(`${e.org}/${e.id}`, e);
        return e;
      },
      removeAgent: async (org, id) => agents.delete(`${org}/${id}`),
      setNumber: async (e) => dir.setNumber(e),
      listAgents: async (org) => [...agents.values()].filter((a) => a.org === org),
      setPhoneNumberId: async ({ number, phoneNumberId }) => void phoneIds.set(phoneNumberId, number),
      numberByPhoneNumberId: async (id) => phoneIds.get(id) ?? null,
    },
    tokens: {
      async issue(principal, at): Promise<IssuedToken> {
        const token = `on_${randomBytes(24).toString('base64url')}`;
        const id = `tok_${tokens.size + 1}`;
        tokens.set(id, { id, hash: hash(token), principal, createdAt: at });
        return { id, token, principal, createdAt: at };
      },
      async verify(token) {
        return [...tokens.values()].find((t) => t.hash === hash(token))?.principal ?? null;
      },
      async revoke(id) {
        return tokens.delete(id);
      },
      async list() {
        return [...tokens.values()].map(({ id, principal, createdAt }) => ({ id, principal, createdAt }));
      },
    },
    outbox: {
      claim: async () => [],
      complete: async () => {},
      fail: async () => {},
      findByProviderId: async () => null,
    },
    close: async () => {},
  };
}
