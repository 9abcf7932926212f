// Builds src/db (with tsup, as the package is built) for the child processes of the
// multi-process tests, into node_modules/.cache so its imports resolve like the package's own.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Returns the path of the built ESM module exporting openSqliteDatabase. */
export async function buildDb(): Promise<string> {
  const outDir = join(packageDir, 'node_modules/.cache/onenumber-db-test');
  mkdirSync(outDir, { recursive: true });
  await build({
    entry: { db: join(packageDir, 'src/db/index.ts') },
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
  return join(outDir, 'db.js');
}

export const workerScript = join(packageDir, 'test/db/support/worker.mjs');
