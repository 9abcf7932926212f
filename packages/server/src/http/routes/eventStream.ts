// Real time: one service's events as Server-Sent Events. Each event carries its id; a client
// that reconnects with `Last-Event-ID` (or `?after=`) gets what it missed first, each once, then
// live events (the storage's subscribe guarantees the order). Comments keep idle proxies open.
import type { ChannelEvent, ChannelStorage, EventQuery } from '@onenumber/core';

export interface StreamRegistry {
  add(close: () => void): void;
  delete(close: () => void): void;
}

export interface EventStreamOptions {
  storage: ChannelStorage;
  query: EventQuery;
  heartbeatMs: number;
  registry: StreamRegistry;
}

const encoder = new TextEncoder();
/** A client that stops reading is dropped once this many frames wait for it; it resumes with Last-Event-ID. */
const maxQueuedFrames = 10_000;

/** The SSE frame of one event; the event's JSON is one line (JSON.stringify never emits newlines). */
export const sseFrame = (event: ChannelEvent): string => `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;

export function eventStreamResponse({ storage, query, heartbeatMs, registry }: EventStreamOptions): Response {
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
      const unsubscribe = storage.subscribe(query, (event) => send(sseFrame(event)));
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref?.();
      function end() {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        registry.delete(end);
      };
      registry.add(end);
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
