// Races (R6, R11): 3 service processes × N rounds racing connect/disable/enable/remove of the same
// number. After every round: one shared channel, at most one parent and it is active, and the
// audit timeline replays cleanly through the R11 reference model.
import { fork, type ChildProcess } from 'node:child_process';
import { openHttpStorage } from '@onenumber/storage-http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult, Progress } from '../report';
import { numberAt, services, startChaosWorld } from '../world';
import { replayTimeline } from './replayTimeline';

// The worker runs from the build (dist), whether this module runs from dist or from src (tests).
const packageRoot = dirname(fileURLToPath(import.meta.url)).replace(/[/\\](src[/\\]checks|dist)$/, '');
const workerPath = resolve(packageRoot, 'dist/checks/raceWorker.js');

export async function races(
  options: { rounds: number; ops?: number; seed?: number },
  progress: Progress,
): Promise<CheckResult> {
  const numbers = Array.from({ length: options.rounds }, (_, i) => numberAt(i));
  const world = await startChaosWorld({ numbers });
  const failures: string[] = [];
  const workers: ChildProcess[] = [];
  let refused = 0;
  let elections = 0;
  let checked = 0;
  let invariants = 0;
  try {
    for (const service of services) {
      const env = {
        ...process.env,
        CHAOS_URL: world.url,
        CHAOS_TOKEN: await world.token('acme', service),
        CHAOS_SERVICE: service,
        CHAOS_SEED: String(options.seed ?? 1),
      };
      const worker = fork(workerPath, [], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      await new Promise((ready, fail) => {
        worker.once('message', ready);
        worker.once('exit', (code) =>
          fail(new Error(`race worker for ${service} exited (${code}) before it was ready`)),
        );
      });
      workers.push(worker);
    }
    const storage = await openHttpStorage({ url: world.url, token: world.adminToken });
    for (const [round, number] of numbers.entries()) {
      const done = workers.map(
        (w) => new Promise<{ refused: number }>((resolve) => w.once('message', resolve as never)),
      );
      for (const w of workers) w.send({ round, number, ops: options.ops ?? 4 });
      for (const r of await Promise.all(done)) refused += r.refused;
      const info = await storage.channelInfo({ org: 'acme', number });
      if (!info) continue; // nobody connected this round: nothing to check
      checked++;
      invariants += 4; // one shared channel; one parent; the timeline replays; it names the same parent
      const found = await Promise.all(
        services.map((service) => storage.findMembership({ org: 'acme', number, service })),
      );
      const channels = new Set(found.filter((m) => m?.mode === 'shared').map((m) => m!.channel));
      if (channels.size > 1) failures.push(`round ${round}: ${channels.size} shared channels for one number (R6)`);
      const parents = info.members.filter((m) => m.role === 'parent');
      if (info.members.length && parents.length !== 1)
        failures.push(`round ${round}: ${parents.length} parents among active members`);
      const replay = replayTimeline(
        await storage.timeline!({ org: 'acme', channel: info.channel, service: info.parent ?? 'crm' }),
      );
      failures.push(...replay.failures.map((f) => `round ${round}: ${f}`));
      if (replay.parent !== info.parent)
        failures.push(`round ${round}: the timeline says ${replay.parent} is parent, the channel says ${info.parent}`);
      elections += (
        await storage.timeline!({ org: 'acme', channel: info.channel, service: info.parent ?? 'crm' })
      ).filter((e) => e.what === 'elected').length;
      if ((round + 1) % 50 === 0) progress(`races: ${round + 1}/${numbers.length} rounds`);
    }
  } finally {
    for (const w of workers) w.kill();
    await world.close();
  }
  return {
    name: 'races',
    figures: {
      processes: services.length,
      rounds: options.rounds,
      'ops per process per round': options.ops ?? 4,
      'rounds with a channel to check': checked,
      'invariant checks': invariants,
      violations: failures.length,
      'refusals (expected)': refused,
      elections,
      seed: options.seed ?? 1,
    },
    failures,
  };
}
