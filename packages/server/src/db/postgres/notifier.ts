// Issue 17: the other replicas are told which streams have new events after the commit, not
// inside it. A transaction that runs NOTIFY holds a database-wide lock through its COMMIT (so
// notifications queue in commit order), which made every writer of the database flush its
// commit one after another. Here a replica's commits are gathered and announced by one NOTIFY at
// a time, each naming every stream written since the last (at most one in flight). A NOTIFY lost
// with a dying replica is made good by the listeners' catch-up read (openPostgresDatabase.ts).
import type pg from 'pg';

export interface Notifier {
  /** Streams ([org, service]) that committed new events. */
  announce(streams: Iterable<[string, string]>): void;
}

export function createNotifier(pool: pg.Pool, channel: string, origin: string): Notifier {
  let pending = new Map<string, [string, string]>();
  let running = false;

  async function flush(): Promise<void> {
    running = true;
    try {
      while (pending.size) {
        const streams = [...pending.values()];
        pending = new Map();
        const payload = JSON.stringify({ origin, streams });
        // A NOTIFY payload holds under 8000 bytes; a longer list is sent as "look at every stream".
        const sent = payload.length < 7_900 ? payload : JSON.stringify({ origin, streams: null });
        await pool.query('SELECT pg_notify($1, $2)', [channel, sent]).catch(() => {}); // closing: nobody left to tell
      }
    } finally {
      running = false;
    }
  }

  return {
    announce(streams) {
      for (const [org, service] of streams) pending.set(`${org} ${service}`, [org, service]);
      if (!running && pending.size) void flush();
    },
  };
}
