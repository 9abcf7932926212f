// The outbox, the stored directory and scoped tokens on PostgreSQL: the same cases as on SQLite
// (test/db/support/cases), each test on a fresh schema.
import { afterAll, beforeAll } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import { describeDirectory } from '../db/support/cases/directoryCases';
import { describeOutbox } from '../db/support/cases/outboxCases';
import { describeTokens } from '../db/support/cases/tokenCases';
import { startPostgres, type TestPostgres } from './support/cluster';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

const open = () => openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 4 } });

describeOutbox('postgres', open);
describeDirectory('postgres', open);
describeTokens('postgres', async () => {
  const schema = postgres.schema();
  const db = await openPostgresDatabase({ url: postgres.url, schema, pool: { max: 4 } });
  return { db, storedRows: () => postgres.query(`SELECT * FROM "${schema}".tokens`) };
});
