// Real time across replicas: one LISTEN connection per database handle. After a transaction that
// writes events commits, its replica sends a NOTIFY naming the streams written (notifier.ts);
// each replica's listener wakes the subscribers of those streams, which read the new rows. A
// handle ignores its own notifications (it woke its subscribers at commit already). When the
// connection breaks it is opened again with a growing pause, and every subscriber reads once
// more, so a notification missed in the gap costs nothing. R35: revocations and rotations of
// tokens come on the same channel (`tokens` instead of `streams`), and a gap re-checks them all.
import type pg from 'pg';
import { streamKey } from '../common/eventHub';
import { migrationSql } from './sql';

export interface Notification {
  /** The handle that wrote (to skip its own). */
  origin: string;
  /** [org, service] of each stream written. */
  streams: [string, string][];
}

/** A token revoked or rotated (R35): the ids, never a secret or a hash. */
export interface TokenNotification {
  origin: string;
  tokens: string[];
}

export interface ListenerOptions {
  channel: string;
  origin: string;
  connect: () => pg.Client;
  /** Streams (streamKey) with new events; null: any stream may have them. */
  wake: (keys: ReadonlySet<string> | null) => void;
  /** Tokens revoked or rotated by another replica; null: any may have been (after a gap). */
  tokens?: (ids: readonly string[] | null) => void;
}

const maxPauseMs = 5_000;

/** The streams a notification names; null when it cannot be read (then every stream is looked at). */
function parse(payload: string | undefined): Notification | TokenNotification | null {
  try {
    const note = JSON.parse(payload ?? '') as Notification | TokenNotification;
    if (typeof note.origin !== 'string') return null;
    if ('tokens' in note)
      return Array.isArray(note.tokens) && note.tokens.every((t) => typeof t === 'string') ? note : null;
    return Array.isArray(note.streams) ? note : null;
  } catch {
    return null;
  }
}

export async function startListener(options: ListenerOptions): Promise<{ close(): Promise<void> }> {
  let client: pg.Client | null = null;
  let closed = false;
  let pause = 100;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function open(): Promise<void> {
    const next = options.connect();
    next.on('notification', (message) => {
      if (message.channel !== options.channel) return;
      const note = parse(message.payload);
      if (note?.origin === options.origin) return;
      if (note && 'tokens' in note) return options.tokens?.(note.tokens);
      if (!note) options.tokens?.(null); // unreadable: it may have named a token
      options.wake(note ? new Set(note.streams.map(([org, service]) => streamKey(org, service))) : null);
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(migrationSql.listen(options.channel));
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) await next.end().catch(() => {});
    else client = next;
  }

  function lost(broken: pg.Client): void {
    if (closed || client !== broken) return;
    client = null;
    broken.end().catch(() => {});
    retry();
  }

  function retry(): void {
    timer = setTimeout(() => {
      timer = null;
      if (closed) return;
      open().then(
        () => {
          pause = 100;
          options.wake(null); // whatever was notified while nobody listened
          options.tokens?.(null);
        },
        () => {
          pause = Math.min(pause * 2, maxPauseMs);
          retry();
        },
      );
    }, pause);
    timer.unref?.();
  }

  await open();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
