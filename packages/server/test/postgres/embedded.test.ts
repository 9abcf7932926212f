// startEmbeddedPostgres: the throwaway PostgreSQL that the CLI's --storage postgres, the tests and
// the benchmarks share. It starts with the asked settings and leaves nothing behind.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/postgres/embeddedPostgres';

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
