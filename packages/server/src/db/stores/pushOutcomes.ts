// R34: successful deliveries recorded in batches. Each success is recorded, and the next delivery
// of its lane leased (claimNextInLane), in one write shared by the successes that arrived in the
// same turn of the event loop: a busy worker pays one commit for many deliveries instead of one each. A failed
// write fails its whole batch: those leases lapse and the deliveries are made again (at least once).
import { guarded } from '../common/errors';
import type { PushClaim } from '../common/pushTypes';
import type { ClaimedRow } from '../port/pushCatalogue';
import type { Runner } from '../port/runner';
import { one, run, type Steps } from '../port/steps';

export interface Success {
  delivery: number;
  outcome: { status: number; ms: number; at: number };
  next?: { claim: PushClaim; worker: string; leaseMs: number } | undefined;
}

interface Waiting extends Success {
  resolve: (claim: PushClaim | null) => void;
  reject: (error: unknown) => void;
}

const maxBatch = 256;

export function successRecorder(
  db: Runner,
  claimsOf: (rows: readonly ClaimedRow[], now: number) => Steps<PushClaim[]>,
) {
  let waiting: Waiting[] = [];
  let scheduled = false;

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    try {
      const rows = await guarded(() =>
        db.write(function* () {
          const leased: (ClaimedRow | undefined)[] = [];
          for (const { delivery, outcome, next } of batch) {
            yield* run('pushDelivered', delivery, outcome.status, outcome.ms, outcome.at);
            if (!next) {
              leased.push(undefined);
              continue;
            }
            const { at } = outcome;
            const { subscription, lane } = next.claim;
            const iso = new Date(at).toISOString();
            leased.push(yield* one('claimNextInLane', at, iso, next.worker, at + next.leaseMs, subscription.id, lane));
          }
          return leased;
        }),
      );
      const found = rows.filter((row): row is ClaimedRow => row !== undefined);
      const claims = found.length ? await guarded(() => db.run(() => claimsOf(found, Date.now()))) : [];
      const byDelivery = new Map(claims.map((c) => [c.delivery, c]));
      for (const [i, item] of batch.entries()) item.resolve(rows[i] ? (byDelivery.get(rows[i]!.id) ?? null) : null);
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  return (success: Success): Promise<PushClaim | null> =>
    new Promise((resolve, reject) => {
      waiting.push({ ...success, resolve, reject });
      if (waiting.length >= maxBatch) void flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => void flush());
      }
    });
}
