// R29 on PostgreSQL: parked deliveries (support/parkedCases.ts), each case on a schema of its own.
import { afterAll, beforeAll, describe } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import { startPostgres, type TestPostgres } from '../postgres/support/cluster';
import { parkedCases } from './support/parkedCases';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 180_000);
afterAll(async () => {
  await postgres?.stop();
}, 60_000);

describe('R29: parked deliveries (PostgreSQL)', { timeout: 60_000 }, () => {
  parkedCases(() => openPostgresDatabase({ url: postgres.url, schema: postgres.schema(), pool: { max: 4 } }));
});
