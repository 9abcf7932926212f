// Starts the whole playground: the OneNumber server (embedded SQLite in a data directory), one
// adapter per service over HTTP, the customer's phone over WhatsApp (simulated), and the web page.
// `reset` (or the page's Reset button) starts from empty data.
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSession, wipeData, type Session } from './session';
import { createWeb } from './web';

export interface PlaygroundOptions {
  port?: number;
  host?: string;
  dataDir: string;
  /** Delete the data directory's playground files before starting. */
  reset?: boolean;
}

export async function startPlayground(options: PlaygroundOptions) {
  if (options.reset) wipeData(options.dataDir);
  let changed = (_what: string) => {};
  const onChange = (what: string) => changed(what);
  let current: Promise<Session> = openSession(options.dataDir, onChange);
  await current;
  const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
  const web = createWeb({
    session: () => current,
    // Requests that arrive meanwhile wait for the new session instead of reaching a closed one.
    reset: async () => {
      const old = current;
      current = old.then(async (session) => {
        await session.close();
        wipeData(options.dataDir);
        return openSession(options.dataDir, onChange);
      });
      await current;
      onChange('reset');
    },
    publicDir,
  });
  changed = web.changed;
  await new Promise<void>((resolve, reject) => {
    web.server.once('error', reject);
    web.server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = web.server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}/`,
    serverUrl: async () => (await current).serverUrl,
    phone: async () => (await current).phone,
    async close() {
      await web.close();
      await (await current).close();
    },
  };
}
