// fanout-core: the in-memory core receiving a message and projecting it for 3 members, against a
// hand-written loop doing the same essential work (validate, normalise, dedupe, store, 3 copies).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ratioOf, round, throughput, type Progress, type Result, type Sizes } from '../harness';
import { memoryWorld, number, services } from './world';

function baselineLoop() {
  const seen = new Set<string>();
  const stored: object[] = [];
  const streams = new Map<string, object[]>(services.map((s) => [s, []]));
  return (i: number) => {
    const input = { number, customer: '+819012345678', text: `hello ${i}`, id: `wamid.b${i}` };
    if (typeof input.text !== 'string' || input.text.length > 65536 || typeof input.id !== 'string')
      throw new Error('invalid');
    const e164 = parsePhoneNumberFromString(input.number)?.number;
    if (!e164 || seen.has(input.id)) return;
    seen.add(input.id);
    const message = {
      id: `m${i}`,
      direction: 'in',
      text: input.text,
      customer: input.customer,
      at: new Date().toISOString(),
    };
    stored.push(message);
    const view = { ...message, masked: false, status: 'received' };
    for (const service of services) streams.get(service)!.push({ type: 'messageReceived', service, message: view });
  };
}

export async function fanoutCore(sizes: Sizes, progress: Progress): Promise<Result> {
  const count = sizes.quick ? 300 : 50_000;
  progress(`fanout-core: ${count} messages through the core, then the baseline`);
  const onenumber = await memoryWorld();
  const ours = await throughput(count, (i) =>
    onenumber.receive({ number, customer: '+819012345678', text: `hello ${i}`, id: `wamid.${i}` }),
  );
  const baseline = await throughput(count, baselineLoop());
  const ratio = ratioOf(ours, baseline);
  return {
    name: 'fanout-core',
    value: round(ours, 0),
    unit: 'msgs/s',
    baseline: round(baseline, 0),
    ratio,
    goal: 'ratio >= 0.8',
    met: ratio >= 0.8,
  };
}
