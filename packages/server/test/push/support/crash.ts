// R34: what the crash and replica tests check of one receiver's deliveries: nothing lost (every
// event of the stream accepted at least once), each conversation in order (accepted event ids
// never go back, a repeat of the one just accepted aside), and the repeats (an event accepted
// more than once) counted.
import type { Receiver } from './receiver';

export interface Tally {
  missing: string[];
  outOfOrder: number;
  repeats: number;
}

export function tally(receiver: Receiver, stream: readonly { id: string; customer?: string }[]): Tally {
  const accepted = receiver.received.filter((r) => r.status < 300);
  const ids = new Set(accepted.map((r) => r.event.id as string));
  const missing = stream.filter((e) => !ids.has(e.id)).map((e) => e.id);
  let outOfOrder = 0;
  const lastOf = new Map<string, number>();
  for (const r of accepted) {
    const lane = (r.event.conversation as string | undefined) ?? `ch:${r.event.channel}`;
    const id = Number(r.event.id);
    if ((lastOf.get(lane) ?? 0) > id) outOfOrder++;
    lastOf.set(lane, Math.max(lastOf.get(lane) ?? 0, id));
  }
  return { missing, outOfOrder, repeats: accepted.length - new Set(accepted.map((r) => r.webhookId)).size };
}

/** The sum of a push counter over the servers' GET /v1/admin/push. */
export async function counterSum(urls: readonly string[], adminToken: string, name: string): Promise<number> {
  let sum = 0;
  for (const url of urls) {
    const res = await fetch(`${url}/v1/admin/push`, { headers: { authorization: `Bearer ${adminToken}` } });
    sum += ((await res.json()) as { worker: { counters: Record<string, number> } }).worker.counters[name] ?? 0;
  }
  return sum;
}
