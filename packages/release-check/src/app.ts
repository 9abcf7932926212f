// A fresh app outside the workspace with the packed packages installed, as a user gets them:
// `npm pack` each publishable package, then `npm install <tarballs>` in a folder under the
// system's temp dir. Third-party dependencies come from the registry (npm's cache makes
// repeats fast); nothing resolves back into the repository.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { progress, run } from './run';
import { publishablePackages, repoRoot } from './workspace';

export interface InstalledApp {
  /** The temp folder holding the tarballs and the app. */
  root: string;
  dir: string;
  tarballs: string[];
  /** The environment a user's shell would have: no npm script variables, no workspace bins on PATH. */
  env: NodeJS.ProcessEnv;
}

/** The caller's environment without what `npm test` and vitest add, so nothing points into the repository. */
export function userEnv(from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(from)) {
    if (/^(npm_|INIT_CWD$|VITEST|NODE_ENV$|TURBO_)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (from.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !dir.includes('node_modules') && !dir.startsWith(repoRoot))
    .join(delimiter);
  return env;
}

/** `npm pack` of every publishable package into `dest`; the tarballs' absolute paths. */
export async function packAll(dest: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const tarballs: string[] = [];
  for (const pkg of publishablePackages()) {
    progress(`packing ${pkg.name}`);
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: pkg.dir, env });
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    tarballs.push(join(dest, packed!.filename));
  }
  return tarballs;
}

/** Packs, creates the app and installs the tarballs into it (allow several minutes: better-sqlite3 may compile). */
export async function installApp(): Promise<InstalledApp> {
  const root = mkdtempSync(join(tmpdir(), 'onenumber-install-'));
  const env = userEnv();
  const packs = join(root, 'tarballs');
  mkdirSync(packs);
  const tarballs = await packAll(packs, env);
  const dir = join(root, 'app');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'onenumber-install-check', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  await run('npm', ['install', '--no-audit', '--no-fund', ...tarballs], { cwd: dir, env, timeoutMs: 540_000 });
  return { root, dir, tarballs, env };
}
