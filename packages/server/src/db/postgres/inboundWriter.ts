// Issue 17: a planned inbound message written in one round trip (sql/inboundSql.ts), retried on
// a deadlock or serialization failure like every write; the streams it wrote to are woken here
// and, by the notifier after commit, on every other replica.
import type pg from 'pg';
import { streamKey, type EventHub } from '../common/eventHub';
import type { InboundWrite, InboundWriter, InboundWriteResult } from '../port/inboundWrite';
import { conversationLane } from '../port/steps';
import { isRetryable, pause } from './pgErrors';
import type { Notifier } from './notifier';
import { inboundWriteText } from './sql/inboundSql';

interface Outcome {
  owned: number;
  go: number;
}

const attempts = 5;

export function pgInboundWriter(h: { pool: pg.Pool; hub: EventHub; notifier: Notifier }): InboundWriter {
  return {
    async inboundWrite(write: InboundWrite): Promise<InboundWriteResult> {
      const streams = new Map(
        write.drafts.map((d) => [streamKey(d.org, d.service), [d.org, d.service] as [string, string]]),
      );
      const text = inboundWriteText(write, conversationLane(write.number, write.customer));
      for (let n = 1; ; n++) {
        try {
          const results = (await h.pool.query(text)) as unknown as pg.QueryResult<Outcome>[];
          const row = results.at(-1)!.rows[0]!;
          if (!row.owned) return 'stale';
          if (!row.go) return 'duplicate';
          h.hub.notify(new Set(streams.keys()));
          h.notifier.announce(streams.values());
          return 'stored';
        } catch (error) {
          if (n >= attempts || !isRetryable(error)) throw error;
          await pause(n);
        }
      }
    },
  };
}
