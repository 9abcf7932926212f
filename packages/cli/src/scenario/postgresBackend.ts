// `onenumber scenario --storage postgres` (docs/scenarios.md): `--storage http` with the server on
// PostgreSQL. The database is ONENUMBER_DATABASE_URL when set, otherwise an embedded PostgreSQL
// started for the run; each scenario file gets a fresh schema there, dropped when it stops.
import { randomBytes } from 'node:crypto';
import { OneNumberError } from '@onenumber/core';
import { openPostgresDatabase } from '@onenumber/server';
import pg from 'pg';
import type { ScenarioBackend } from './backend';
import { embeddedPostgres } from './embeddedPostgres';
import { httpBackend } from './httpBackend';

async function databaseUrl(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.ONENUMBER_DATABASE_URL) return env.ONENUMBER_DATABASE_URL;
  try {
    return (await embeddedPostgres()).url;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new OneNumberError(
      'STORAGE_UNAVAILABLE',
      `--storage postgres: ONENUMBER_DATABASE_URL is not set, and ${reason.charAt(0).toLowerCase()}${reason.slice(1)} (A URL goes in ONENUMBER_DATABASE_URL; --storage http needs no PostgreSQL.)`,
      { details: { ...(OneNumberError.isInstance(error) ? error.details : {}), storage: 'postgres' } },
    );
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end().catch(() => {});
  }
}

export function postgresBackend(env: NodeJS.ProcessEnv = process.env): ScenarioBackend {
  let used: { url: string; schema: string } | null = null;
  const http = httpBackend(async () => {
    const url = await databaseUrl(env);
    used = { url, schema: `onenumber_scenario_${randomBytes(6).toString('hex')}` };
    return openPostgresDatabase({ url, schema: used.schema, pool: { max: 4 }, replicaId: 'scenario' });
  });
  return {
    name: 'postgres',
    start: (contents, policies) => http.start(contents, policies),
    async stop() {
      await http.stop();
      if (used) await dropSchema(used.url, used.schema).catch(() => {});
      used = null;
    },
  };
}
