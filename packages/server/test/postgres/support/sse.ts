// A Server-Sent Events client for the replica tests: GET /v1/events with a service token and an
// optional Last-Event-ID, frames parsed as they arrive (id and data lines), every event kept in
// arrival order. close() aborts the connection, as a client that goes away does.
import type { ChannelEvent } from '@onenumber/core';

export interface SseClient {
  events: ChannelEvent[];
  /** Whether the server ended the stream (or the connection broke). */
  readonly ended: boolean;
  close(): Promise<void>;
}

export async function openSse(url: string, token: string, lastEventId?: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(`${url}/v1/events`, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
    },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`GET /v1/events: ${res.status} ${await res.text()}`);
  const events: ChannelEvent[] = [];
  let ended = false;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let opened = () => {};
  const connected = new Promise<void>((resolve) => (opened = resolve));
  const reading = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.includes(': connected')) opened();
          const id = /^id: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (data !== undefined) {
            const event = JSON.parse(data) as ChannelEvent;
            if (event.id !== id) throw new Error(`frame id ${id} differs from the event's id ${event.id}`);
            events.push(event);
          }
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    } finally {
      ended = true;
      opened();
    }
  })();
  await connected; // the subscription is in place once the first comment arrives
  return {
    events,
    get ended() {
      return ended;
    },
    async close() {
      abort.abort();
      await reading.catch(() => {});
    },
  };
}
