// A real OneNumber server on a free 127.0.0.1 port, with the conformance suite's directory.
import { startServer, type RunningServer } from '@onenumber/server';
import { memoryDatabase } from '../../../server/test/http/support/memoryDatabase';

export const adminToken = 'test-admin-token-0123456789abcdef';

export async function serverForTests(): Promise<RunningServer> {
  return startServer({ port: 0, db: memoryDatabase(), adminToken, logger: () => {}, graceMs: 2_000 });
}
