// ingest-http-postgres: the ingest-http load through one server replica on PostgreSQL, against
// the hand-written baseline (bare node:http + pg, same rows, same durability) in the same run;
// ingest-http-postgres-3: the same load spread over three replicas sharing one database (each
// its own process and pool), reported against one replica.
import { ratioOf, round, type Progress, type Result, type Sizes } from '../harness';
import { loadNote, measure } from '../ingest/measure';
import { startBenchPostgres } from '../ingest/postgres';
import { startBaselineProcess, startOneNumberProcess, type Target } from '../ingest/targets';

async function replicas(url: string, count: number): Promise<Target[]> {
  const first = await startOneNumberProcess({ db: url, setup: true, label: 'onenumber-pg-r1' });
  const others = await Promise.all(
    Array.from({ length: count - 1 }, (_, i) =>
      startOneNumberProcess({ db: url, setup: false, label: `onenumber-pg-r${i + 2}` }),
    ),
  ).catch(async (error: unknown) => {
    await first.close();
    throw error;
  });
  return [first, ...others];
}

export async function ingestPostgres(sizes: Sizes, progress: Progress): Promise<Result[]> {
  const count = sizes.quick ? 300 : 12_000;
  progress('ingest-http-postgres: starting PostgreSQL');
  const postgres = await startBenchPostgres();
  try {
    progress(
      `ingest-http-postgres: ${count} signed deliveries to the pg baseline, one replica, three replicas (${postgres.describe})`,
    );
    const baseline = await measure(
      async () => [await startBaselineProcess({ kind: 'postgres', url: await postgres.database('baseline') })],
      count,
      'pgb',
    );
    const one = await measure(async () => replicas(await postgres.database('one'), 1), count, 'pg1');
    const three = await measure(async () => replicas(await postgres.database('three'), 3), count, 'pg3');
    const ratio = ratioOf(one.msgsPerSecond, baseline.msgsPerSecond);
    const ratio3 = ratioOf(three.msgsPerSecond, one.msgsPerSecond);
    return [
      {
        name: 'ingest-http-postgres',
        value: round(one.msgsPerSecond, 0),
        unit: 'msgs/s',
        baseline: round(baseline.msgsPerSecond, 0),
        ratio,
        goal: 'ratio >= 0.5',
        met: ratio >= 0.5 && one.failed + baseline.failed === 0,
        note: loadNote(one.failed + baseline.failed),
      },
      {
        name: 'ingest-http-postgres-3',
        value: round(three.msgsPerSecond, 0),
        unit: 'msgs/s',
        baseline: round(one.msgsPerSecond, 0),
        ratio: ratio3,
        goal: 'informational (baseline: one replica)',
        met: three.failed === 0,
        note: `3 replicas, ${loadNote(three.failed)}`,
      },
    ];
  } finally {
    await postgres.stop();
  }
}
