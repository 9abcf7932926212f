// Loaded with `--import` (through NODE_OPTIONS, so vitest's workers and every server process
// they spawn get it too): under Node 24, `better-sqlite3` resolves to the copy built for Node 24
// in the cache, while the workspace's node_modules keeps the Node 20 build untouched.
import module from 'node:module';
import { pathToFileURL } from 'node:url';

const built = process.env.ONENUMBER_NODE24_BETTER_SQLITE3;
if (!built)
  throw new Error('node24-hook: ONENUMBER_NODE24_BETTER_SQLITE3 (the Node 24 build of better-sqlite3) is not set');
if (typeof module.registerHooks !== 'function')
  throw new Error(`node24-hook: Node ${process.version} has no module.registerHooks`);

const target = pathToFileURL(`${built}/`).href;
const marker = '/node_modules/better-sqlite3/';

// registerHooks runs in-thread for both require() and import, so CommonJS builds are covered too.
module.registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    const at = resolved.url.indexOf(marker);
    if (!resolved.url.startsWith('file:') || at < 0 || resolved.url.startsWith(target)) return resolved;
    return { ...resolved, url: target + resolved.url.slice(at + marker.length) };
  },
});
