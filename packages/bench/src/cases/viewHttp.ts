// view-1000 (HTTP): p99 of a whole-history view of a 1,000-message conversation through a service's
// SDK over the HTTP storage and the real server (projection computed on the server, R20).
import { latencies, percentile, round, type Progress, type Result, type Sizes } from '../harness';
import { httpWorld } from './httpWorld';
import { number, services } from './world';

export async function viewHttp(sizes: Sizes, progress: Progress): Promise<Result> {
  const size = sizes.quick ? 30 : 1000;
  const world = await httpWorld();
  try {
    const customer = '+819012345678';
    progress(`view-1000 http: building a ${size}-message conversation through the server`);
    for (let i = 0; i < size; i++) {
      if (i % 2 === 0 || i < 3)
        await world.admin.receive({ number, customer, text: `question ${i}`, id: `wamid.vh${i}` });
      else
        await world.sdks.crm.reply({
          org: 'acme',
          service: 'crm',
          agent: 'agent-crm',
          number,
          customer,
          text: `answer ${i}`,
        });
    }
    const runs = sizes.quick ? 10 : 500;
    progress(`view-1000 http: ${runs} views`);
    const times = await latencies(runs, (i) => {
      const service = services[i % 3]!;
      return world.sdks[service].view({ org: 'acme', service, agent: `agent-${service}`, number, customer });
    });
    const p99 = round(percentile(times, 99), 2);
    const note = `p50 ${round(percentile(times, 50), 2)} ms over ${runs} views (the whole core path: 3 round trips, 1,000 messages projected on the server)`;
    return {
      name: 'view-1000-http',
      value: p99,
      unit: 'ms p99',
      baseline: null,
      ratio: null,
      goal: '<= 20 ms',
      met: p99 <= 20,
      note,
    };
  } finally {
    await world.close();
  }
}
