// WhatsApp's per-number send budget held by PostgreSQL for every replica (issue 10): three
// replicas reserving at once for one number are granted, together, no more than the bucket
// accrues on the database's clock; numbers do not share a budget; a replica's workers pace
// through it (createSharedRateBudget) and still send everything queued.
import { createSharedRateBudget } from '@onenumber/whatsapp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/db';
import type { ServerDatabase } from '../../src/db/ServerDatabase';
import { startPostgres, type TestPostgres } from './support/cluster';

let postgres: TestPostgres;
let replicas: ServerDatabase[] = [];
beforeAll(async () => {
  postgres = await startPostgres();
  const schema = postgres.schema();
  replicas = await Promise.all(
    [1, 2, 3].map((i) =>
      openPostgresDatabase({ url: postgres.url, schema, pool: { max: 4 }, replicaId: `budget-${i}` }),
    ),
  );
}, 120_000);
afterAll(async () => {
  await Promise.all(replicas.map((db) => db.close()));
  await postgres?.stop();
}, 60_000);

const rate = 40;
const burst = 1;

describe('the shared send budget on PostgreSQL', () => {
  it('three replicas reserving at once get at most burst + rate x elapsed between them', async () => {
    const number = '+81312345678';
    const started = Date.now();
    const granted = await Promise.all(
      replicas.map(async (db) => {
        let got = 0;
        for (let i = 0; i < 60; i++) got += await db.sendBudget!.reserve({ number, want: 5, rate, burst });
        return got;
      }),
    );
    const elapsed = Date.now() - started;
    const total = granted.reduce((a, b) => a + b, 0);
    // The database's clock runs no longer between the first and last statement than ours around them.
    expect(total).toBeLessThanOrEqual(burst + Math.floor((rate * elapsed) / 1000) + 1);
    expect(total).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('keeps one budget per number: a busy number does not use up another', async () => {
    const db = replicas[0]!;
    while ((await db.sendBudget!.reserve({ number: '+12025550100', want: 10, rate: 1, burst: 1 })) > 0);
    expect(await db.sendBudget!.reserve({ number: '+12025550142', want: 10, rate: 1, burst: 1 })).toBe(1);
    expect(await db.sendBudget!.reserve({ number: '+12025550100', want: 10, rate: 1, burst: 1 })).toBe(0);
  }, 30_000);

  it("paces three workers' budgets through it: every queued send goes out, within the budget", async () => {
    const number = '+819011112222';
    const started = Date.now();
    const budgets = replicas.map((db) => createSharedRateBudget({ rate: 1000, burst: 20 }, db.sendBudget!));
    let sent = 0;
    const queued = 120;
    while (sent < queued) {
      for (const budget of budgets) while (sent < queued && budget.take(number, queued - sent)) sent++;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(sent).toBe(queued);
    expect(sent).toBeLessThanOrEqual(20 + Math.floor((1000 * (Date.now() - started)) / 1000) + 1);
    expect(budgets.every((b) => b.errors === 0)).toBe(true);
  }, 60_000);
});
