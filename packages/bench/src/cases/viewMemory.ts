// view-1000 (memory): p99 of a whole-history view of a 1,000-message conversation, masked for the
// viewing service, through the public API (agent lookup, membership, projection, notice).
import { latencies, percentile, round, type Progress, type Result, type Sizes } from '../harness';
import { memoryWorld, number, services } from './world';

export async function viewMemory(sizes: Sizes, progress: Progress): Promise<Result> {
  const size = sizes.quick ? 50 : 1000;
  const onenumber = await memoryWorld();
  const customer = '+819012345678';
  progress(`view-1000 memory: building a ${size}-message conversation`);
  for (let i = 0; i < size; i++) {
    if (i % 2 === 0 || i < 3) await onenumber.receive({ number, customer, text: `question ${i}`, id: `wamid.v${i}` });
    else
      await onenumber.reply({ org: 'acme', service: 'crm', agent: 'agent-crm', number, customer, text: `answer ${i}` });
  }
  const runs = sizes.quick ? 20 : 2000;
  progress(`view-1000 memory: ${runs} views`);
  const times = await latencies(runs, (i) =>
    onenumber.view({ org: 'acme', service: services[i % 3]!, agent: `agent-${services[i % 3]}`, number, customer }),
  );
  const p99 = round(percentile(times, 99), 3);
  return {
    name: 'view-1000-memory',
    value: p99,
    unit: 'ms p99',
    baseline: null,
    ratio: null,
    goal: '<= 5 ms',
    met: p99 <= 5,
  };
}
