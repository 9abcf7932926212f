// One PostgreSQL database handle with everything the stores share: the pool, the write helper,
// the read helper and the event hub fed by LISTEN/NOTIFY.
//
// Writes. Each write is one READ COMMITTED transaction that takes, before it reads what it
// decides on, the row locks that make it serial with the writes it could race: membership
// changes lock the number's owner row FOR UPDATE, writes that read the memberships (messages,
// assignments, statuses) lock it FOR SHARE, and each write locks the rows it changes (the
// channel for an election, the conversation for its version, the message for its status, the
// outbox item). Locks are taken in one order (number, channel, conversation, message, then the
// counters below), and a deadlock or serialization failure is retried a few times anyway.
//
// Event ids. A write's events (and audit timeline entries) are collected while it runs and
// inserted just before COMMIT, at positions made of its transaction id (eventPositionSchema.ts):
// no counter row, so writers of one stream commit side by side. A reader serves only positions
// below its snapshot's xmin, so an event whose transaction took its id early and commits late is
// waited for, never skipped: a reader that has served position p has served every event below p
// that will ever commit, on any replica. A stream read that stopped at such an event is read
// again shortly (heldRetryMs), whatever else wakes it. The events of one conversation (and a
// channel's own events) keep their commit order because a write takes its lanes' advisory locks
// before its first write (the 'order' step, runner.ts). Timeline ids are numbered per channel
// by counter rows, in commit order.
import type { EventDraft, TimelineDraft } from '@onenumber/core/storage-kit';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { EventHub, streamKey } from '../common/eventHub';
import { driveAsync } from '../port/drive';
import { readStream } from '../stores/eventReader';
import { eventsPerTransaction } from './sql/eventPositionSchema';
import { answerer } from './runner';
import { createNotifier, type Notifier } from './notifier';
import { closedError, isRetryable, pause } from './pgErrors';
import { migrationSql, runnerSql as sql, type Queryable } from './sql';

/** A write's transaction: its client, and what it will write just before COMMIT. */
export interface PgTx {
  readonly client: pg.PoolClient;
  emit(drafts: readonly EventDraft[]): void;
  /** Audit timeline entries (issue 9), with the change they describe. */
  record(org: string, entries: readonly TimelineDraft[]): void;
  /** R35: tells every other replica, at commit, that these tokens were revoked or rotated. */
  tokensChanged(ids: readonly string[]): Promise<void>;
}

export interface PgHandle {
  readonly pool: pg.Pool;
  readonly hub: EventHub;
  /** A random id of this handle: its own notifications come back to it, and are skipped. */
  readonly origin: string;
  readonly channel: string;
  /** Tells the other replicas, after commit, of streams with new events (notifier.ts). */
  readonly notifier: Notifier;
  write<T>(fn: (tx: PgTx) => Promise<T>): Promise<T>;
  /** Runs `fn` in one read-only snapshot, so several statements agree. */
  read<T>(fn: (db: Queryable) => Promise<T>): Promise<T>;
  /** A single statement on any pooled connection. */
  readonly db: Queryable;
  close(): Promise<void>;
}

const attempts = 5;
/** How soon a stream read that stopped at a held event is tried again. */
const heldRetryMs = 20;

interface Pending {
  drafts: EventDraft[];
  timeline: { org: string; entry: TimelineDraft }[];
}

/** Numbers `items` per key from each key's new head: the last of a key's items gets the head. */
function numbered<T>(items: readonly T[], keyOf: (item: T) => string, heads: ReadonlyMap<string, number>): number[] {
  const left = counts(items, keyOf);
  return items.map((item) => {
    const key = keyOf(item);
    const remaining = left.get(key)!;
    left.set(key, remaining - 1);
    return heads.get(key)! - remaining + 1;
  });
}

function counts<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(keyOf(item), (out.get(keyOf(item)) ?? 0) + 1);
  return out;
}

async function flushTimeline(client: pg.PoolClient, timeline: Pending['timeline']): Promise<void> {
  if (!timeline.length) return;
  const perChannel = counts(timeline, (t) => t.entry.channel);
  const channels = [...perChannel.keys()];
  const heads = await sql.advanceTimelines.all(
    client,
    channels,
    channels.map((c) => perChannel.get(c)!),
  );
  const seqs = numbered(timeline, (t) => t.entry.channel, new Map(heads.map((h) => [h.channel, h.head])));
  const column = <K extends keyof TimelineDraft>(key: K) => timeline.map((t) => t.entry[key] ?? null);
  await sql.insertTimeline.run(
    client,
    column('channel') as string[],
    seqs,
    timeline.map((t) => t.org),
    column('at') as string[],
    column('what') as string[],
    column('service'),
    column('agent'),
    column('from'),
    column('to'),
    column('message'),
    column('status'),
    column('why') as string[],
  );
}

/** Writes the events at the transaction's positions; returns the streams written (key: [org, service]). */
async function flushEvents(
  client: pg.PoolClient,
  drafts: readonly EventDraft[],
): Promise<Map<string, [string, string]>> {
  if (!drafts.length) return new Map();
  if (drafts.length > eventsPerTransaction) throw new Error(`one write stores at most ${eventsPerTransaction} events`);
  const streams = new Map(drafts.map((d) => [streamKey(d.org, d.service), [d.org, d.service] as [string, string]]));
  await sql.appendEvents.run(
    client,
    drafts.map((d) => d.org),
    drafts.map((d) => d.service),
    drafts.map((d) => d.channel),
    drafts.map((d) => d.body.type),
    drafts.map((d) => JSON.stringify(d.body)),
  );
  return streams;
}

export function createHandle(pool: pg.Pool, channel: string): Omit<PgHandle, 'close'> & { closing(): void } {
  const origin = randomBytes(9).toString('base64url');
  const notifier = createNotifier(pool, channel, origin);
  let open = true;
  const hub = new EventHub(
    {
      latestId: () => 0, // not polled: LISTEN/NOTIFY wakes the hub
      startOf: async () => (await sql.startOfStreams.get(pool))?.start ?? 0,
      read: async ({ org, service, after, limit }) => {
        const { events, held } = await driveAsync(readStream(org, service, after, limit), answerer(pool));
        if (held) setTimeout(() => hub.notify(new Set([streamKey(org, service)])), heldRetryMs).unref();
        return events;
      },
    },
    null,
  );

  async function connect(): Promise<pg.PoolClient> {
    if (!open) throw closedError();
    return pool.connect();
  }

  async function attempt<T>(
    fn: (tx: PgTx) => Promise<T>,
  ): Promise<{ result: T; streams: Map<string, [string, string]> }> {
    const client = await connect();
    const pending: Pending = { drafts: [], timeline: [] };
    const tx: PgTx = {
      client,
      emit: (drafts) => void pending.drafts.push(...drafts),
      record: (org, entries) => void pending.timeline.push(...entries.map((entry) => ({ org, entry }))),
      tokensChanged: async (ids) =>
        void (await sql.notifyTokens.run(client, channel, JSON.stringify({ origin, tokens: ids }))),
    };
    let broken: Error | undefined;
    try {
      await client.query(migrationSql.begin);
      const result = await fn(tx);
      await flushTimeline(client, pending.timeline);
      const streams = await flushEvents(client, pending.drafts);
      await client.query(migrationSql.commit);
      return { result, streams };
    } catch (error) {
      await client.query(migrationSql.rollback).catch((e: Error) => (broken = e));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  return {
    pool,
    hub,
    origin,
    channel,
    notifier,
    db: pool,
    async write<T>(fn: (tx: PgTx) => Promise<T>): Promise<T> {
      for (let n = 1; ; n++) {
        try {
          const { result, streams } = await attempt(fn);
          hub.notify(new Set(streams.keys()));
          notifier.announce(streams.values());
          return result;
        } catch (error) {
          if (n >= attempts || !isRetryable(error)) throw error;
          await pause(n);
        }
      }
    },
    async read<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
      const client = await connect();
      let broken: Error | undefined;
      try {
        await client.query(migrationSql.beginRead);
        const result = await fn(client);
        await client.query(migrationSql.commit);
        return result;
      } catch (error) {
        await client.query(migrationSql.rollback).catch((e: Error) => (broken = e));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    closing() {
      open = false;
      hub.close();
    },
  };
}
