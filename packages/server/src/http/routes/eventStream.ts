// Real time: one service's events as Server-Sent Events. Each event carries its id; a client
// that reconnects with `Last-Event-ID` (or `?after=`) gets what it missed first, each once, then
// live events (the storage's subscribe guarantees the order). Comments keep idle proxies open.
// R35: a stream whose token is revoked, expires, or whose old secret's grace ends is ended with a
// last comment saying why (`: closed: <reason>: <words>`), never an event a client would take
// for a ChannelEvent; a client that reconnects with that token is refused (401).
import type { ChannelEvent, ChannelStorage } from '@onenumber/core';
import type { EventQuery } from '@onenumber/core/storage-kit';
import type { EndReason } from '../security/securityLog';
import { sseFrame } from './sseFrame';

export { sseFrame } from './sseFrame';

export interface StreamRegistry {
  add(close: () => void): void;
  delete(close: () => void): void;
}

export interface EventStreamOptions {
  storage: ChannelStorage;
  query: EventQuery;
  heartbeatMs: number;
  registry: StreamRegistry;
  /** Holds the stream under its token (R35): `end` is called when the token stops being valid; returns the release. */
  hold?: (end: (reason: EndReason) => void) => () => void;
}

const encoder = new TextEncoder();
/** A client that stops reading is dropped once this many frames wait for it; it resumes with Last-Event-ID. */
const maxQueuedFrames = 10_000;

const closingWords: Record<EndReason, string> = {
  revoked: 'this token was revoked; ask the server admin for a new one',
  expired: 'this token expired; ask the server admin for a new one',
  rotated: "this token's old secret is no longer accepted (rotated); reconnect with the new secret",
};

/** The last frame of a stream ended for `reason`: a comment, which no client reads as an event. */
export const closingComment = (reason: EndReason): string => `: closed: ${reason}: ${closingWords[reason]}\n\n`;

export function eventStreamResponse({ storage, query, heartbeatMs, registry, hold }: EventStreamOptions): Response {
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        if ((controller.desiredSize ?? 0) < -maxQueuedFrames) return end(); // never buffer without bound
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send('retry: 1000\n: connected\n\n');
      const subscription = storage.subscribe(query, (event: ChannelEvent) => send(sseFrame(event)));
      let subscribed = true;
      const unsubscribe = () => {
        if (subscribed) subscription();
        subscribed = false;
      };
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref?.();
      /** Ends the stream; with a reason, says why first. */
      function end(reason?: EndReason) {
        if (open && reason) {
          unsubscribe(); // no event after the decision to end
          send(closingComment(reason));
        }
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      const release = hold?.((reason) => end(reason)) ?? (() => {});
      const endForShutdown = () => end();
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        release();
        registry.delete(endForShutdown);
      };
      registry.add(endForShutdown);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
