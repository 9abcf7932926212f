// memory-per-message: heap bytes per stored inbound message in the memory storage, with three
// members (the message, its conversation entry and each member's event).
import { round, type Progress, type Result, type Sizes } from '../harness';
import { memoryWorld, number } from './world';

const gc = (globalThis as { gc?: () => void }).gc;

export async function memoryPerMessage(sizes: Sizes, progress: Progress): Promise<Result> {
  const count = sizes.quick ? 2000 : 200_000;
  const onenumber = await memoryWorld();
  const customers = Array.from({ length: 100 }, (_, i) => `+8190${String(10000000 + i)}`);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  progress(`memory-per-message: storing ${count} messages`);
  for (let i = 0; i < count; i++) {
    await onenumber.receive({
      number,
      customer: customers[i % 100]!,
      text: `message number ${i}`,
      id: `wamid.mem.${i}`,
    });
  }
  gc?.();
  const after = process.memoryUsage().heapUsed;
  // Read the system after measuring, so it cannot be collected before the second reading.
  const stored = (await onenumber.events({ org: 'acme', service: 'crm', limit: 1 })).length;
  const bytes = round((after - before) / count, 0);
  if (!stored) throw new Error('memory-per-message: nothing was stored');
  const note = gc ? undefined : 'run with --expose-gc for a precise figure';
  return {
    name: 'memory-per-message',
    value: bytes,
    unit: 'bytes',
    baseline: null,
    ratio: null,
    goal: '<= 600',
    met: bytes <= 600,
    ...(note ? { note } : {}),
  };
}
