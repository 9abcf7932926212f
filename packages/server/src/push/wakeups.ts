// R34: what wakes the delivery worker as soon as deliveries are queued: it follows the event
// streams of every (org, service) that has a subscription (through the storage's subscribe, the
// same hub that feeds GET /v1/events: this process's writes at once, other processes' by polling
// or NOTIFY), and wakes on each event. The streams followed are looked up again every few
// seconds, and at once when a subscription changes here.
import type { ChannelStorage } from '@onenumber/core';
import type { PushStore } from '../db/common/pushTypes';

const refreshMs = 2_000;

export function followStreams(storage: ChannelStorage, push: PushStore, wake: () => void) {
  const followed = new Map<string, () => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let refreshing = false;

  async function refresh(): Promise<void> {
    if (refreshing || !timer) return;
    refreshing = true;
    try {
      const streams = new Map(
        (await push.list({})).map((s) => [`${s.org}\u0000${s.service}`, { org: s.org, service: s.service }]),
      );
      if (!timer) return;
      for (const [key, stop] of followed)
        if (!streams.has(key)) {
          stop();
          followed.delete(key);
        }
      for (const [key, stream] of streams)
        if (!followed.has(key))
          followed.set(
            key,
            storage.subscribe(stream, () => wake()),
          );
    } catch {
      // the database did not answer: the next refresh tries again
    } finally {
      refreshing = false;
    }
  }

  return {
    start(): void {
      if (timer) return;
      timer = setInterval(() => void refresh(), refreshMs);
      timer.unref?.();
      void refresh();
    },
    /** A subscription changed here: follow its stream now. */
    refresh: () => void refresh(),
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
      for (const stop of followed.values()) stop();
      followed.clear();
    },
  };
}
