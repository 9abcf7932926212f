// Builds the server (src/index.ts, with tsup, as the package is built) for the child processes of
// the crash tests, into node_modules/.cache so its imports resolve like the package's own.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Returns the path of the built ESM module exporting startServer. */
export async function buildServer(): Promise<string> {
  const outDir = join(packageDir, 'node_modules/.cache/onenumber-server-whatsapp-test');
  mkdirSync(outDir, { recursive: true });
  await build({
    entry: { server: join(packageDir, 'src/index.ts') },
    format: ['esm'],
    outDir,
    dts: false,
    silent: true,
    config: false,
    clean: false,
    platform: 'node',
    target: 'node20',
    skipNodeModulesBundle: true,
    tsconfig: join(packageDir, 'tsconfig.json'),
  });
  return join(outDir, 'server.js');
}

export const serverScript = join(packageDir, 'test/whatsapp/support/serverProcess.mjs');
