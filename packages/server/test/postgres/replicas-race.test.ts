// Issue 10, R6 and R11 across replicas: three server processes on one PostgreSQL database, and three
// services (each with its own token, each talking to a DIFFERENT replica) racing connect, disable,
// remove and enable of the same number for 200 seeded rounds. After every round, read back through
// the replicas and straight from the database: one shared channel for the number in the org, and
// while any membership is active exactly one parent, listed first, an active membership (R11);
// with none active the channel is closed, without a parent (R13).
import { OneNumberError } from '@onenumber/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSdk } from '../whatsapp/support/serviceSdk';
import { startPostgres, type TestPostgres } from './support/cluster';
import { admin, buildServer, killAll, seeded, startReplica, stopReplicas, type Replica } from './support/replicas';

const rounds = 200;
const number = '+81312345678';
const services = ['crm', 'desk', 'salesiq'] as const;
const actions = ['connect', 'disable', 'remove', 'enable'] as const;
type Action = (typeof actions)[number];
/** The rules' refusals a racing service may meet (R8: connect a disabled membership; nothing to change). */
const refusals = new Set(['MEMBERSHIP_DISABLED', 'NOT_CONNECTED']);

let pg: TestPostgres;
let schema: string;
let replicas: Replica[] = [];

beforeAll(async () => {
  const [modulePath, started] = await Promise.all([buildServer(), startPostgres()]);
  pg = started;
  schema = pg.schema();
  replicas = [];
  for (const name of ['a', 'b', 'c']) replicas.push(await startReplica(modulePath, pg.url, schema, `race-${name}`));
}, 180_000);

afterAll(async () => {
  killAll();
  await pg?.stop();
}, 60_000);

interface Member {
  service: string;
  role: string;
}

describe('three replicas on one PostgreSQL', () => {
  it(`R6, R11: 3 services x ${rounds} seeded rounds of connect/disable/remove/enable of one number, each service on its own replica: one shared channel, one active parent, always`, async () => {
    const [a] = replicas;
    await admin(a!.url, 'POST', '/v1/admin/directory', {
      orgs: [{ id: 'acme', plan: 'zoho-one' }],
      numbers: [{ number, verified: true }],
    });
    const sdks = await Promise.all(
      services.map(async (service, i) => {
        const { token } = await admin(a!.url, 'POST', '/v1/admin/tokens', { org: 'acme', service });
        return serviceSdk(replicas[i]!.url, token); // crm on A, desk on B, salesiq on C
      }),
    );
    const random = seeded(10);
    const broken: unknown[] = [];
    const outcomes = new Map<string, number>();
    let channel: string | undefined;
    for (let round = 0; round < rounds; round++) {
      // Round 0 connects all three at once (the R6 race on a fresh number); then any mix.
      const picked: Action[] = services.map(() =>
        round === 0 ? 'connect' : actions[Math.floor(random() * actions.length)]!,
      );
      const results = await Promise.allSettled(
        services.map((service, i) => {
          const input = { org: 'acme', service, number };
          const sdk = sdks[i]!;
          return picked[i] === 'connect' ? sdk.connect(input) : sdk[picked[i]!](input);
        }),
      );
      results.forEach((r, i) => {
        const key =
          r.status === 'fulfilled'
            ? `${picked[i]} ok`
            : `${picked[i]} ${OneNumberError.isInstance(r.reason) ? r.reason.code : 'thrown'}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if (r.status === 'rejected' && !(OneNumberError.isInstance(r.reason) && refusals.has(r.reason.code)))
          broken.push({ round, service: services[i], action: picked[i], error: String(r.reason) });
      });
      if (round === 0) {
        const got = results.map((r) =>
          r.status === 'fulfilled' ? (r.value as { channel: string; role: string }) : null,
        );
        if (new Set(got.map((g) => g?.channel)).size !== 1 || got.filter((g) => g?.role === 'parent').length !== 1)
          broken.push({ round, got });
      }

      // Every replica answers the same: the one channel, its parent an active member.
      const infos = await Promise.all(
        replicas.map((r) => admin(r.url, 'POST', '/v1/storage/channelInfo', { org: 'acme', number })),
      );
      channel ??= infos[0].channel;
      const active = infos[0].members as Member[]; // R14: the active members, parent first
      for (const info of infos) {
        if (info.channel !== channel || JSON.stringify(info) !== JSON.stringify(infos[0]))
          broken.push({ round, differs: infos });
      }
      const parents = active.filter((m) => m.role === 'parent');
      if (
        active.length > 0 &&
        (parents.length !== 1 ||
          active[0]!.role !== 'parent' ||
          infos[0].parent !== parents[0]!.service ||
          infos[0].status !== 'active')
      )
        broken.push({ round, info: infos[0] });
      if (active.length === 0 && (infos[0].status !== 'closed' || infos[0].parent !== null))
        broken.push({ round, closed: infos[0] });

      // The database agrees: one shared channel row, its parent an active membership of it.
      const rows = await pg.query<{ id: string; parent: string | null }>(
        `SELECT id, parent FROM "${schema}".channels WHERE org = 'acme' AND number = $1 AND mode = 'shared'`,
        [number],
      );
      const activeRows = await pg.query<{ service: string }>(
        `SELECT service FROM "${schema}".memberships WHERE org = 'acme' AND number = $1 AND state = 'active' ORDER BY seq`,
        [number],
      );
      const parentRow = rows[0]?.parent ?? null;
      if (
        rows.length !== 1 ||
        rows[0]!.id !== channel ||
        parentRow !== infos[0].parent ||
        activeRows.length > 0 !== (parentRow !== null) ||
        (parentRow !== null && !activeRows.some((m) => m.service === parentRow))
      )
        broken.push({ round, rows, activeRows });
    }
    expect(broken).toEqual([]);
    // The race did exercise every action's success on shared state (not only refusals).
    for (const action of actions) expect(outcomes.get(`${action} ok`) ?? 0).toBeGreaterThan(10);
    console.info(
      `replicas-race: ${rounds} rounds, outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`,
    );
    expect(await stopReplicas(replicas)).toEqual([0, 0, 0]);
  }, 600_000);
});
